import type { StreamEvent } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { completionResponseEvents } from './completion-response-events.ts';
import { decodeCompletionStream } from './decode-completion-stream.ts';
import { bytesOf, chunksOf, collect, sourceOf, textSource } from './test-support.ts';

// `streamGenerateContent?alt=sse` as Gemini's documentation shows it: unnamed `data:` events, each a
// GenerateContentResponse with the running usage, thought parts first (includeThoughts), text parts with
// multi-byte text, a finish reason in the last one, then the connection closes. CRLF, as Google sends it.
const piece = (parts: Record<string, unknown>[], extra: Record<string, unknown> = {}, usage = 10) =>
  `data: ${JSON.stringify({
    candidates: [{ content: { role: 'model', parts }, index: 0, ...extra }],
    usageMetadata: {
      promptTokenCount: 8,
      candidatesTokenCount: usage,
      thoughtsTokenCount: 20,
      totalTokenCount: 28 + usage,
    },
    modelVersion: 'gemini-2.5-flash',
    responseId: 'resp-1',
  })}\r\n\r\n`;
const wire = [
  piece([{ text: 'Let me think', thought: true }], {}, 0),
  piece([{ text: ' about 🤔 it.', thought: true }], {}, 0),
  piece([{ text: 'Hello, ' }], {}, 3),
  piece([{ text: '世界！🦊', thoughtSignature: 'c2ln' }], {}, 6),
  piece([{ text: '' }], { finishReason: 'STOP' }, 7),
].join('');
const wireBytes = bytesOf(wire);

const expected: StreamEvent[] = [
  { type: 'reasoning-delta', text: 'Let me think' },
  { type: 'reasoning-delta', text: ' about 🤔 it.' },
  { type: 'text-delta', text: 'Hello, ' },
  { type: 'text-delta', text: '世界！🦊' },
  { type: 'finish', reason: 'stop' },
  // Once, at the end, though every piece repeats it: completion counts the thoughts, as OpenAI's does.
  { type: 'usage', usage: { promptTokens: 8, completionTokens: 27, totalTokens: 35, reasoningTokens: 20 } },
];

const decode = (source: ReturnType<typeof sourceOf>) =>
  collect(decodeCompletionStream(source.stream, { protocol: 'gemini' }));

describe('the Gemini stage', () => {
  it('maps thoughts, text, the finish reason and usage; a close after the finish is a whole answer', async () => {
    expect(await decode(sourceOf([wireBytes]))).toEqual(expected);
  });

  it('gives the same events when the stream is split into two chunks at every byte', async () => {
    for (let at = 1; at < wireBytes.length; at++) {
      const events = await decode(sourceOf([wireBytes.subarray(0, at), wireBytes.subarray(at)]));
      expect(events, `split at byte ${at}`).toEqual(expected);
    }
  });

  it.each([1, 2, 5, 64])('gives the same events %i bytes at a time', async (size) => {
    expect(await decode(sourceOf(chunksOf(wireBytes, size)))).toEqual(expected);
  });

  it('counts a stream that closes before any finish reason as interrupted, keeping the words', async () => {
    const text = wire.slice(0, wire.lastIndexOf('data: '));
    const events = await decode(textSource(text));
    expect(events.filter((event) => event.type === 'text-delta')).toHaveLength(2);
    expect(events.at(-1)).toEqual({
      type: 'error',
      error: { code: 'interrupted', message: 'The answer was cut off before it finished.' },
    });
    expect(events.some((event) => event.type === 'usage')).toBe(false);
  });

  it('reads MAX_TOKENS as `length` and the safety stops as `content_filter`', async () => {
    const stop = (reason: string) => decode(textSource(piece([{ text: 'x' }], { finishReason: reason })));
    expect(await stop('MAX_TOKENS')).toContainEqual({ type: 'finish', reason: 'length' });
    expect(await stop('SAFETY')).toContainEqual({ type: 'finish', reason: 'content_filter' });
    expect(await stop('MALFORMED_FUNCTION_CALL')).toContainEqual({ type: 'finish', reason: 'malformed_function_call' });
  });

  it('ends with the provider’s own words on an error inside the stream', async () => {
    const failure = `data: ${JSON.stringify({ error: { code: 503, message: 'The model is overloaded. Please try again later.', status: 'UNAVAILABLE' } })}\r\n\r\n`;
    expect(await decode(textSource(wire.slice(0, wire.indexOf('data: ', 10)) + failure))).toEqual([
      { type: 'reasoning-delta', text: 'Let me think' },
      { type: 'error', error: { code: 'stream_error', message: 'The model is overloaded. Please try again later.' } },
    ]);
  });

  it('says that a blocked prompt was blocked, and why', async () => {
    const blocked = `data: ${JSON.stringify({ promptFeedback: { blockReason: 'SAFETY' }, usageMetadata: { promptTokenCount: 4 } })}\n\n`;
    expect(await decode(textSource(blocked))).toEqual([
      { type: 'error', error: { code: 'stream_error', message: 'The provider blocked the prompt (SAFETY).' } },
    ]);
  });

  it('skips named events, which Gemini never sends, whatever their data', async () => {
    const named = 'event: weird\ndata: {"error":{"message":"not ours"}}\n\n';
    expect(await decode(textSource(named + wire))).toEqual(expected);
  });

  it('says so when nothing in the body was a Gemini response', async () => {
    expect(await decode(textSource('data: {"hello":"world"}\n\n'))).toEqual([
      { type: 'error', error: { code: 'bad_response', message: "The provider's answer was not a Gemini stream." } },
    ]);
  });

  it('reads the JSON array of streamGenerateContent without SSE, and one whole response', () => {
    const pieces = wire
      .split('\r\n\r\n')
      .filter(Boolean)
      .map((event) => JSON.parse(event.slice('data: '.length)));
    expect(completionResponseEvents(JSON.stringify(pieces), 'gemini')).toEqual(expected);
    expect(completionResponseEvents(JSON.stringify(pieces[4]), 'gemini')).toEqual([
      { type: 'finish', reason: 'stop' },
      { type: 'usage', usage: { promptTokens: 8, completionTokens: 27, totalTokens: 35, reasoningTokens: 20 } },
    ]);
    const refusal = {
      error: { code: 400, message: 'API key not valid. Please pass a valid API key.', status: 'INVALID_ARGUMENT' },
    };
    expect(completionResponseEvents(JSON.stringify([refusal]), 'gemini')).toEqual([
      { type: 'error', error: { code: 'stream_error', message: 'API key not valid. Please pass a valid API key.' } },
    ]);
    expect(completionResponseEvents('[]', 'gemini')).toEqual([
      { type: 'error', error: { code: 'bad_response', message: "The provider's answer was not a Gemini answer." } },
    ]);
  });
});
