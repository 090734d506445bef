import type { ChatCompletionChunk, StreamEvent } from '@hearth/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateChunkData } from './chunk-data.ts';
import { isCompletionChunk, pushChunkEvents } from './chunk-events.ts';
import { learnChunkTemplate } from './chunk-template.ts';

const validate = (data: string): ChatCompletionChunk | undefined => {
  const result = validateChunkData(data);
  return result.success ? result.value : undefined;
};

function learn(data: string) {
  const chunk = validate(data);
  if (!chunk) throw new Error(`not a chunk: ${data}`);
  return learnChunkTemplate(data, chunk, validate);
}

/** What the slow path makes of a payload: its events, or undefined when it is not a valid chunk. */
function slowEvents(data: string): StreamEvent[] | undefined {
  const chunk = validate(data);
  if (!chunk || !isCompletionChunk(chunk)) return undefined;
  const events: StreamEvent[] = [];
  pushChunkEvents(chunk, events);
  return events;
}

const openAi = (literal: string) =>
  `{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt","choices":[{"index":0,"delta":{"content":${literal}},"logprobs":null,"finish_reason":null}],"usage":null}`;

describe('learnChunkTemplate', () => {
  it('recognises later chunks that differ only in the delta text', () => {
    const template = learn(openAi('"Hello"'));
    expect(template?.match(openAi('"世界 🦊"'))).toEqual({ type: 'text-delta', text: '世界 🦊' });
    expect(template?.match(openAi('"say \\"hi\\"\\n\\u4f60"'))).toEqual({ type: 'text-delta', text: 'say "hi"\n你' });
  });

  it('learns reasoning chunks as reasoning deltas', () => {
    const data = '{"choices":[{"delta":{"content":null,"reasoning_content":"Think"}}]}';
    const template = learn(data);
    expect(template?.match(data.replace('Think', 'More'))).toEqual({ type: 'reasoning-delta', text: 'More' });
  });

  it('learns from a provider that escapes all non-ASCII and spaces its JSON (Python defaults)', () => {
    const python = (literal: string) => `{"id": "c1", "choices": [{"index": 0, "delta": {"content": ${literal}}}]}`;
    const template = learn(python('"\\u4f60\\u597d"'));
    expect(template?.match(python('"\\u4e16\\u754c \\ud83e\\udd8a"'))).toEqual({ type: 'text-delta', text: '世界 🦊' });
    expect(template?.match(python('"plain"'))).toEqual({ type: 'text-delta', text: 'plain' });
  });

  it('finds the text after its key when the same text also appears elsewhere', () => {
    const template = learn('{"id":"Hello","choices":[{"delta":{"content":"Hello"}}]}');
    expect(template?.match('{"id":"Hello","choices":[{"delta":{"content":"World"}}]}')).toEqual({
      type: 'text-delta',
      text: 'World',
    });
    expect(template?.match('{"id":"World","choices":[{"delta":{"content":"World"}}]}')).toBeUndefined();
  });

  it.each([
    ['text that is not one string literal', openAi('"a","content":"b"')],
    ['a raw control character', openAi('"a\u0001b"')],
    ['a broken escape', openAi('"a\\xb"')],
    ['a number in the slot', openAi('12')],
    ['an empty string (another field may then speak)', openAi('""')],
    ['another shape', '{"choices":[{"delta":{"content":"Hello"},"finish_reason":"stop"}]}'],
  ])('leaves %s to the slow path', (_, data) => {
    expect(learn(openAi('"Hello"'))?.match(data)).toBeUndefined();
  });

  it.each([
    ['a finish reason beside the text', '{"choices":[{"delta":{"content":"Hello"},"finish_reason":"stop"}]}'],
    ['usage beside the text', '{"choices":[{"delta":{"content":"Hello"}}],"usage":{"prompt_tokens":1}}'],
    ['no text', '{"choices":[{"delta":{"content":""}}]}'],
    // The literal found is inside another string; the real content is escaped differently.
    ['the literal inside another string', '{"note":"say \\"Hello","choices":[{"delta":{"content":"\\u0048ello"}}]}'],
    ['the text appears twice under one key', '{"choices":[{"delta":{"content":"Hello","content":"Hello"}}]}'],
    // The text is the probe word, escaped; the first "content" key is not the delta's: the probe must see that.
    [
      'the text is the probe word and the key is found elsewhere first',
      '{"x":{"content":"\\u0070robe"},"choices":[{"delta":{"content":"\\u0070robe"}}]}',
    ],
  ])('learns nothing when %s', (_, data) => {
    expect(learn(data)).toBeUndefined();
  });

  it('agrees with the slow path on any text put in the slot', () => {
    const templates = [
      openAi('"Hello"'),
      '{"choices":[{"delta":{"reasoning":"x"}}],"error":null}',
      '{"choices":[{"delta":{"content":"Hi","content":"Hello"}}]}', // the last duplicate wins, as in JSON.parse
    ].map((data) => ({ data, template: learn(data) }));
    for (const { template } of templates) expect(template).toBeDefined();
    const slot = fc.oneof(
      fc.string({ unit: 'binary' }).map((text) => JSON.stringify(text)),
      fc.string({ unit: 'binary' }),
      fc.constantFrom('"\\ud83e"', '"\\"', '"\\\\"', '"a"b"', '"\u0000"', '"\\u00"', '""', 'null', '"x" '),
    );
    fc.assert(
      fc.property(fc.constantFrom(...templates), slot, ({ data, template }, raw) => {
        const literal = data.includes('"Hello"') ? '"Hello"' : '"x"';
        const candidate =
          data.slice(0, data.lastIndexOf(literal)) + raw + data.slice(data.lastIndexOf(literal) + literal.length);
        const fast = template?.match(candidate);
        // A match must mean exactly what the slow path says; a miss is always safe.
        if (fast !== undefined) expect([fast]).toEqual(slowEvents(candidate));
      }),
      { numRuns: 2000 },
    );
  });
});
