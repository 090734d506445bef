import type { StreamEvent } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { decodeCompletionStream } from './decode-completion-stream.ts';
import { bytesOf, chunksOf, collect, joinDeltas, sourceOf } from './test-support.ts';

// A realistic answer as a DeepSeek-style provider streams it: CRLF line endings, keep-alive comments, an
// unknown `ping` event, a field the parser must ignore, reasoning first, multi-byte text (CJK, emoji made
// of surrogate pairs), a finish chunk, a usage chunk, [DONE], and data after [DONE] that must not show.
const chunk = (delta: object, finishReason: string | null = null) =>
  JSON.stringify({
    id: 'chatcmpl-42',
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model: 'deepseek-reasoner',
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  });
const wire = [
  ': keep-alive',
  '',
  `data: ${chunk({ role: 'assistant', content: '' })}`,
  '',
  'id: 1',
  `data: ${chunk({ content: null, reasoning_content: 'Let me think' })}`,
  '',
  `data: ${chunk({ reasoning_content: ' about 🤔 this…' })}`,
  '',
  'event: ping',
  'data: {"type":"ping"}',
  '',
  ': keep-alive',
  '',
  `data: ${chunk({ content: 'Hello, ' })}`,
  '',
  // One JSON object spread over two data lines, which SSE joins with a line feed.
  'data: {"choices":[{"delta":',
  'data: {"content":"世界！"}}]}',
  '',
  'data: not json, skipped',
  '',
  `data: ${chunk({ content: ' 🦊🎉 done.' })}`,
  '',
  `data: ${chunk({}, 'stop')}`,
  '',
  'data: {"id":"chatcmpl-42","choices":[],"usage":{"prompt_tokens":12,"completion_tokens":34,"total_tokens":46,"completion_tokens_details":{"reasoning_tokens":20}}}',
  '',
  'data: [DONE]',
  '',
  `data: ${chunk({ content: 'after done' })}`,
  '',
  '',
].join('\r\n');
const wireBytes = bytesOf(wire);

const expected: StreamEvent[] = [
  { type: 'reasoning-delta', text: 'Let me think' },
  { type: 'reasoning-delta', text: ' about 🤔 this…' },
  { type: 'text-delta', text: 'Hello, ' },
  { type: 'text-delta', text: '世界！' },
  { type: 'text-delta', text: ' 🦊🎉 done.' },
  { type: 'finish', reason: 'stop' },
  { type: 'usage', usage: { promptTokens: 12, completionTokens: 34, totalTokens: 46, reasoningTokens: 20 } },
];

async function decodeChunks(chunks: Uint8Array[]) {
  const source = sourceOf(chunks);
  const events = await collect(decodeCompletionStream(source.stream));
  return { events, cancelled: source.cancelled };
}

describe('decodeCompletionStream on a realistic stream', () => {
  it('decodes the whole stream in one chunk', async () => {
    const { events, cancelled } = await decodeChunks([wireBytes]);
    expect(events).toEqual(expected);
    expect(joinDeltas(events)).toBe('Hello, 世界！ 🦊🎉 done.');
    expect(joinDeltas(events, 'reasoning-delta')).toBe('Let me think about 🤔 this…');
    // [DONE] stops reading; the rest of the body is cancelled rather than left open.
    expect(cancelled).toBe(true);
  });

  const sizes = [...Array.from({ length: 64 }, (_, i) => i + 1), 100, 128, 200, 256, 512, 1000, 1024, wireBytes.length];
  it.each(sizes)('gives the same events when the bytes arrive %i at a time', async (size) => {
    const { events, cancelled } = await decodeChunks(chunksOf(wireBytes, size));
    expect(events).toEqual(expected);
    expect(joinDeltas(events)).toBe('Hello, 世界！ 🦊🎉 done.');
    expect(cancelled).toBe(true);
  });

  it('gives the same events when split into two chunks at every byte position', async () => {
    // Covers CRLF split between \r and \n and every byte inside each multi-byte character.
    for (let at = 0; at <= wireBytes.length; at++) {
      const { events } = await decodeChunks([wireBytes.subarray(0, at), wireBytes.subarray(at)]);
      expect(events, `split at byte ${at}`).toEqual(expected);
    }
  });

  it('reads LF-only and CR-only line endings the same way', async () => {
    for (const ending of ['\n', '\r']) {
      const bytes = bytesOf(wire.replaceAll('\r\n', ending));
      for (const size of [1, 3, 7, 64]) {
        const { events } = await decodeChunks(chunksOf(bytes, size));
        expect(events, `ending ${JSON.stringify(ending)}, size ${size}`).toEqual(expected);
      }
    }
  });
});
