import type { StreamEvent } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { decodeCompletionStream } from './decode-completion-stream.ts';
import { bytesOf, collect, deltaChunk, sourceOf, sse, textSource } from './test-support.ts';

// Abort, timeouts and early exits: the body must always be cancelled and no error invented.

const twoDeltas = sse(deltaChunk({ content: 'one' }), deltaChunk({ content: 'two' }));

describe('decodeCompletionStream: stopping', () => {
  it('returns without an error and cancels the body when aborted mid-stream', async () => {
    const source = sourceOf([bytesOf(twoDeltas), bytesOf(sse(deltaChunk({ content: 'three' })))], 'hang');
    const controller = new AbortController();
    const events: StreamEvent[] = [];
    for await (const event of decodeCompletionStream(source.stream, { signal: controller.signal })) {
      events.push(event);
      controller.abort();
    }
    // The rest of the batch read with the first event is dropped too: the caller asked to stop.
    expect(events).toEqual([{ type: 'text-delta', text: 'one' }]);
    expect(source.cancelled).toBe(true);
  });

  it('returns without an error when aborted while waiting for bytes', async () => {
    const source = textSource(twoDeltas, 'hang');
    const controller = new AbortController();
    const events: StreamEvent[] = [];
    for await (const event of decodeCompletionStream(source.stream, { signal: controller.signal })) {
      events.push(event);
      // The decoder is now about to wait on a body that never sends more.
      if (events.length === 2) setTimeout(() => controller.abort(), 5);
    }
    expect(events).toEqual([
      { type: 'text-delta', text: 'one' },
      { type: 'text-delta', text: 'two' },
    ]);
    expect(source.cancelled).toBe(true);
  });

  it('reads nothing when the signal is already aborted', async () => {
    const source = textSource(twoDeltas);
    const events = await collect(decodeCompletionStream(source.stream, { signal: AbortSignal.abort() }));
    expect(events).toEqual([]);
    expect(source.bytesPulled).toBe(0);
    expect(source.cancelled).toBe(true);
  });

  it('cancels the body when the consumer stops iterating early', async () => {
    const source = textSource(twoDeltas, 'hang');
    for await (const event of decodeCompletionStream(source.stream)) {
      expect(event.type).toBe('text-delta');
      break;
    }
    expect(source.cancelled).toBe(true);
  });

  it('ends with a timeout error and cancels the body when the provider goes silent', async () => {
    const source = textSource(twoDeltas, 'hang');
    const events = await collect(decodeCompletionStream(source.stream, { idleTimeoutMs: 20 }));
    expect(events).toEqual([
      { type: 'text-delta', text: 'one' },
      { type: 'text-delta', text: 'two' },
      { type: 'error', error: { code: 'timeout', message: expect.stringContaining('0.02 seconds') } },
    ]);
    expect(source.cancelled).toBe(true);
  });

  it('does not time out a stream that keeps sending', async () => {
    const chunks = [twoDeltas, sse(deltaChunk({ content: 'three' })), 'data: [DONE]\n\n'];
    let index = 0;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        const next = chunks[index++];
        if (next === undefined) controller.close();
        else controller.enqueue(bytesOf(next));
      },
    });
    const events = await collect(decodeCompletionStream(stream, { idleTimeoutMs: 1000 }));
    expect(events.map((event) => event.type)).toEqual(['text-delta', 'text-delta', 'text-delta']);
  });
});

describe('decodeCompletionStream: chunk contents', () => {
  it('reads the first choice only and drops empty deltas', async () => {
    const body = sse(
      { choices: [{ delta: { content: 'first' } }, { delta: { content: 'second' } }] },
      deltaChunk({ content: '', reasoning_content: '' }),
      { choices: [] },
      '[DONE]',
    );
    const events = await collect(decodeCompletionStream(textSource(body).stream));
    expect(events).toEqual([{ type: 'text-delta', text: 'first' }]);
  });

  it('reads reasoning from `reasoning` as well, without doubling it when both fields are sent', async () => {
    const body = sse(
      deltaChunk({ reasoning: 'a' }),
      deltaChunk({ reasoning_content: 'b', reasoning: 'b' }),
      deltaChunk({ content: 'c' }),
      '[DONE]',
    );
    const events = await collect(decodeCompletionStream(textSource(body).stream));
    expect(events).toEqual([
      { type: 'reasoning-delta', text: 'a' },
      { type: 'reasoning-delta', text: 'b' },
      { type: 'text-delta', text: 'c' },
    ]);
  });

  it('converts usage, computing a missing total and leaving out absent reasoning tokens', async () => {
    const body = sse({ choices: [], usage: { prompt_tokens: 5, completion_tokens: 7 } }, '[DONE]');
    const events = await collect(decodeCompletionStream(textSource(body).stream));
    expect(events).toEqual([{ type: 'usage', usage: { promptTokens: 5, completionTokens: 7, totalTokens: 12 } }]);
    expect(events[0]?.type === 'usage' && 'reasoningTokens' in events[0].usage).toBe(false);
  });
});
