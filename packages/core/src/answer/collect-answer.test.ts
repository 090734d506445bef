import type { StreamEvent } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import type { AnswerState } from './answer-state.ts';
import { collectAnswer } from './collect-answer.ts';

async function* fromArray(events: StreamEvent[], onEach?: (index: number) => void): AsyncGenerator<StreamEvent> {
  for (const [index, event] of events.entries()) {
    onEach?.(index);
    yield event;
  }
}

function recorder() {
  const updates: AnswerState[] = [];
  const persisted: AnswerState[] = [];
  return {
    updates,
    persisted,
    onUpdate: (state: AnswerState) => updates.push(state),
    persist: async (state: AnswerState) => {
      persisted.push(state);
    },
  };
}

const deltas = (n: number): StreamEvent[] =>
  Array.from({ length: n }, (_, i) => ({ type: 'text-delta', text: `${i} ` }));

describe('collectAnswer', () => {
  it('shows every delta, keeps reasoning and usage, and ends done', async () => {
    const r = recorder();
    const final = await collectAnswer({
      events: fromArray([
        { type: 'reasoning-delta', text: 'think' },
        { type: 'text-delta', text: 'Hel' },
        { type: 'text-delta', text: 'lo' },
        { type: 'finish', reason: 'stop' },
        { type: 'usage', usage: { promptTokens: 3, completionTokens: 2, totalTokens: 5 } },
      ]),
      ...r,
    });
    expect(r.updates.map((s) => s.content)).toEqual(['', 'Hel', 'Hello', 'Hello', 'Hello', 'Hello']);
    expect(final).toMatchObject({
      content: 'Hello',
      reasoning: 'think',
      status: 'done',
      finishReason: 'stop',
      usage: { totalTokens: 5 },
    });
    expect(r.persisted.at(-1)).toEqual(final);
  });

  it('writes to storage at most once per interval while streaming, and once at the end', async () => {
    let time = 0;
    const r = recorder();
    // 100 deltas, 10 ms apart, with a 250 ms interval: about 4 writes plus the final one.
    await collectAnswer({
      events: fromArray(deltas(100), () => {
        time += 10;
      }),
      ...r,
      now: () => time,
      persistIntervalMs: 250,
    });
    expect(r.updates.length).toBe(101);
    expect(r.persisted.length).toBeGreaterThanOrEqual(2);
    expect(r.persisted.length).toBeLessThanOrEqual(5);
    expect(r.persisted.at(-1)?.content).toBe(
      deltas(100)
        .map((e) => (e.type === 'text-delta' ? e.text : ''))
        .join(''),
    );
  });

  it('keeps the partial text with status error when the stream reports an error', async () => {
    const r = recorder();
    const final = await collectAnswer({
      events: fromArray([
        { type: 'text-delta', text: 'partial' },
        { type: 'error', error: { code: 'interrupted', message: 'cut off' } },
      ]),
      ...r,
    });
    expect(final).toMatchObject({ content: 'partial', status: 'error', error: { code: 'interrupted' } });
    expect(r.persisted.at(-1)).toMatchObject({ content: 'partial', status: 'error' });
  });

  it('ends as stopped, keeping the partial text, when the person stopped it', async () => {
    const controller = new AbortController();
    const r = recorder();
    const final = await collectAnswer({
      events: fromArray(deltas(3), (index) => {
        if (index === 2) controller.abort();
      }),
      ...r,
      signal: controller.signal,
    });
    expect(final).toMatchObject({ status: 'stopped', content: '0 1 2 ', error: null });
  });

  it('keeps what arrived when the event source itself throws', async () => {
    async function* broken(): AsyncGenerator<StreamEvent> {
      yield { type: 'text-delta', text: 'kept' };
      throw new Error('socket hang up');
    }
    const r = recorder();
    const final = await collectAnswer({ events: broken(), ...r });
    expect(final).toMatchObject({
      content: 'kept',
      status: 'error',
      error: { code: 'interrupted', message: 'socket hang up' },
    });
    expect(r.persisted.at(-1)?.content).toBe('kept');
  });
});
