import type { StreamEvent } from '@hearth/schema';
import type { EventSourceMessage } from 'eventsource-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateChunkData } from './chunk-data.ts';
import { isCompletionChunk, pushChunkEvents } from './chunk-events.ts';
import { createSseMessageReader } from './sse-message.ts';

function read(message: EventSourceMessage) {
  const out: StreamEvent[] = [];
  const kind = createSseMessageReader().read(message, out);
  return { kind, out };
}

describe('createSseMessageReader', () => {
  it('recognises [DONE], with or without stray spaces', () => {
    expect(read({ data: '[DONE]' })).toEqual({ kind: 'done', out: [] });
    expect(read({ data: ' [DONE] ', event: 'message' })).toEqual({ kind: 'done', out: [] });
  });

  it('turns a validated chunk into its events', () => {
    const data = '{"id":"x","choices":[{"delta":{"content":"hi","reasoning_content":"hm"},"finish_reason":"stop"}]}';
    expect(read({ data })).toEqual({
      kind: 'chunk',
      out: [
        { type: 'reasoning-delta', text: 'hm' },
        { type: 'text-delta', text: 'hi' },
        { type: 'finish', reason: 'stop' },
      ],
    });
  });

  it('counts a chunk without deltas as a chunk', () => {
    expect(read({ data: '{"choices":[]}' })).toEqual({ kind: 'chunk', out: [] });
  });

  it.each([
    ['non-JSON', { data: 'hello' }],
    ['malformed JSON', { data: '{"choices":' }],
    ['a JSON array', { data: '[1]' }],
    ['a wrongly typed field', { data: '{"choices":[{"delta":{"content":1}}]}' }],
    ['an object without any completion field', { data: '{"type":"ping"}' }],
    ['an unknown event name', { event: 'ping', data: '{"choices":[{"delta":{"content":"x"}}]}' }],
    ['[DONE] under an unknown event name', { event: 'status', data: '[DONE]' }],
  ])('skips %s', (_, message) => {
    expect(read(message)).toEqual({ kind: 'skip', out: [] });
  });

  it.each([
    ['an error event', { event: 'error', data: '{"message":"Overloaded"}' }],
    ['an error string', { data: '{"error":"Overloaded"}' }],
    ['an error object', { data: '{"error":{"message":"Overloaded","code":529}}' }],
  ])('reads %s', (_, message) => {
    expect(read(message)).toEqual({
      kind: 'error',
      out: [{ type: 'error', error: { code: 'stream_error', message: 'Overloaded' } }],
    });
  });
});

describe('createSseMessageReader shortcuts', () => {
  // Payloads in the shapes real providers repeat, with arbitrary text, so templates are learned and used.
  const text = fc.string({ unit: 'binary', maxLength: 12 });
  const payload = fc.oneof(
    text.map(
      (t) =>
        `{"id":"c1","model":"m","choices":[{"index":0,"delta":{"content":${JSON.stringify(t)}},"finish_reason":null}]}`,
    ),
    text.map(
      (t) =>
        `{"id":"c1","model":"m","choices":[{"index":0,"delta":{"reasoning_content":${JSON.stringify(t)}},"finish_reason":null}]}`,
    ),
    // A provider that escapes everything beyond ASCII.
    text.map(
      (t) =>
        `{"id":"c1","choices":[{"delta":{"content":${JSON.stringify(t).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}}}]}`,
    ),
    text.map((t) => `{"id":"c1","model":"m","choices":[{"index":0,"delta":{"content":"${t}"},"finish_reason":null}]}`),
    fc.constant('{"id":"c1","model":"m","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}'),
    fc.constant('{"choices":[],"usage":{"prompt_tokens":1,"completion_tokens":2}}'),
  );

  it('gives exactly the events of JSON.parse and the schema for every payload', () => {
    fc.assert(
      fc.property(fc.array(payload, { maxLength: 40 }), (payloads) => {
        const reader = createSseMessageReader();
        for (const data of payloads) {
          const fast: StreamEvent[] = [];
          const kind = reader.read({ data }, fast);
          const chunk = validateChunkData(data);
          const slow: StreamEvent[] = [];
          if (chunk.success && isCompletionChunk(chunk.value)) pushChunkEvents(chunk.value, slow);
          expect(fast).toEqual(slow);
          expect(kind).toBe(chunk.success ? 'chunk' : 'skip');
        }
      }),
      { numRuns: 500 },
    );
  });
});
