import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AnswerPump } from './answer-pump.ts';

/** A source whose reads the test counts, fed by `push`. */
function source() {
  let reads = 0;
  const stream = new Readable({
    highWaterMark: 1024,
    read() {
      reads += 1;
    },
  });
  return {
    stream,
    get reads() {
      return reads;
    },
  };
}

/** A client that takes data while `full` is false. */
function sink() {
  const writes: string[] = [];
  const state = { full: false };
  return { writes, state, write: (data: Buffer) => writes.push(data.toString()) > 0 && !state.full };
}

function pumpOf(options: { src: ReturnType<typeof source>; out: ReturnType<typeof sink>; maxBytes?: number }) {
  const events = { relayed: [] as number[], tooLarge: 0 };
  const pump = new AnswerPump({
    source: options.src.stream,
    sink: options.out,
    maxBytes: options.maxBytes ?? 1_000_000,
    onRelayed: (bytes) => events.relayed.push(bytes),
    onTooLarge: () => {
      events.tooLarge += 1;
    },
  });
  return { pump, events };
}

describe('AnswerPump', () => {
  it('relays what one read brought in one write, however many chunks it was', () => {
    const src = source();
    const out = sink();
    const { pump, events } = pumpOf({ src, out });
    for (let i = 0; i < 50; i++) src.stream.push(`data: ${i}\n\n`);
    pump.run();
    expect(out.writes).toEqual([Array.from({ length: 50 }, (_, i) => `data: ${i}\n\n`).join('')]);
    expect(events.relayed).toEqual([out.writes[0]?.length]);
  });

  it('reads nothing while the client is full, so the upstream waits, and carries on when it drains', () => {
    const src = source();
    const out = sink();
    const { pump } = pumpOf({ src, out });
    out.state.full = true;
    src.stream.push('first');
    pump.run();
    expect(out.writes).toEqual(['first']);
    // More arrives while the client cannot take it: it stays with the upstream, which is asked for no more.
    const readsWhileFull = src.reads;
    for (let i = 0; i < 10; i++) src.stream.push('x'.repeat(200));
    pump.run();
    expect(out.writes).toEqual(['first']);
    expect(src.stream.readableLength).toBe(2000);
    expect(src.stream.push('y')).toBe(false); // over its high-water mark: the upstream's socket would pause
    expect(src.reads).toBe(readsWhileFull);
    out.state.full = false;
    pump.resume();
    expect(out.writes).toEqual(['first', `${'x'.repeat(2000)}y`]);
    expect(src.stream.readableLength).toBe(0);
  });

  it('stops before the read that would pass the cap, once', () => {
    const src = source();
    const out = sink();
    const { pump, events } = pumpOf({ src, out, maxBytes: 10 });
    src.stream.push('12345678');
    pump.run();
    src.stream.push('abc');
    pump.run();
    src.stream.push('more');
    pump.run();
    expect(out.writes).toEqual(['12345678']);
    expect(events.tooLarge).toBe(1);
  });

  it('relays nothing after it was stopped', () => {
    const src = source();
    const out = sink();
    const { pump } = pumpOf({ src, out });
    pump.stop();
    src.stream.push('late');
    pump.run();
    pump.resume();
    expect(out.writes).toEqual([]);
  });
});
