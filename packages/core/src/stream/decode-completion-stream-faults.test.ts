import { describe, expect, it } from 'vitest';
import { decodeCompletionStream } from './decode-completion-stream.ts';
import {
  bytesOf,
  chunksOf,
  collect,
  deltaChunk,
  joinDeltas,
  repeat,
  sourceOf,
  sse,
  textSource,
} from './test-support.ts';

const hello = sse(deltaChunk({ content: 'Hel' }), deltaChunk({ content: 'lo' }));
const interrupted = {
  type: 'error',
  error: { code: 'interrupted', message: 'The answer was cut off before it finished.' },
};

describe('decodeCompletionStream: endings', () => {
  it('treats EOF without [DONE] as an interrupted answer, after the text it got', async () => {
    const events = await collect(decodeCompletionStream(textSource(hello).stream));
    expect(events).toEqual([{ type: 'text-delta', text: 'Hel' }, { type: 'text-delta', text: 'lo' }, interrupted]);
  });

  it('treats EOF without [DONE] as interrupted even after a finish reason', async () => {
    const body = sse(deltaChunk({ content: 'Hi' }), deltaChunk({}, 'stop'));
    const events = await collect(decodeCompletionStream(textSource(body).stream));
    expect(events).toEqual([{ type: 'text-delta', text: 'Hi' }, { type: 'finish', reason: 'stop' }, interrupted]);
  });

  it('treats a connection reset as interrupted', async () => {
    const events = await collect(decodeCompletionStream(textSource(hello, 'error').stream));
    expect(joinDeltas(events)).toBe('Hello');
    expect(events.at(-1)).toEqual(interrupted);
  });

  it('accepts a final [DONE] with no line break after it', async () => {
    const events = await collect(decodeCompletionStream(textSource(`${hello}data: [DONE]`).stream));
    expect(events).toEqual([
      { type: 'text-delta', text: 'Hel' },
      { type: 'text-delta', text: 'lo' },
    ]);
  });

  it('ends an answer with no chunks at [DONE] without an error', async () => {
    const events = await collect(decodeCompletionStream(textSource(': keep-alive\n\ndata: [DONE]\n\n').stream));
    expect(events).toEqual([]);
  });

  it('reports an empty body as interrupted', async () => {
    const events = await collect(decodeCompletionStream(sourceOf([]).stream));
    expect(events).toEqual([interrupted]);
  });
});

describe('decodeCompletionStream: errors inside the stream', () => {
  it.each([
    ['an error object in a chunk', sse({ error: { message: 'Rate limit reached for gpt-4o', type: 'requests' } })],
    [
      'an error next to choices',
      sse({
        choices: [{ delta: {}, finish_reason: 'error' }],
        error: { message: 'Rate limit reached for gpt-4o', code: 429 },
      }),
    ],
    ['an error string', sse({ error: 'Rate limit reached for gpt-4o' })],
    ['an event named error', 'event: error\ndata: {"error":{"message":"Rate limit reached for gpt-4o"}}\n\n'],
    ['an event named error with plain text', 'event: error\ndata: Rate limit reached for gpt-4o\n\n'],
  ])('reports %s with the provider message and stops', async (_, body) => {
    const source = textSource(`${sse(deltaChunk({ content: 'Hi' }))}${body}${sse(deltaChunk({ content: ' more' }))}`);
    const events = await collect(decodeCompletionStream(source.stream));
    expect(events.filter((event) => event.type === 'text-delta')).toEqual([{ type: 'text-delta', text: 'Hi' }]);
    expect(events.at(-1)).toEqual({
      type: 'error',
      error: { code: 'stream_error', message: 'Rate limit reached for gpt-4o' },
    });
    expect(source.cancelled).toBe(true);
  });

  it('still reports an error event that carries no message', async () => {
    const events = await collect(decodeCompletionStream(textSource('event: error\ndata: {}\n\n').stream));
    expect(events).toEqual([
      { type: 'error', error: { code: 'stream_error', message: expect.stringContaining('error') } },
    ]);
  });
});

describe('decodeCompletionStream: hostile or foreign content', () => {
  it('skips garbage, unknown events and ill-typed chunks, never acting on them', async () => {
    const body = [
      sse(deltaChunk({ content: 'safe ' })),
      'data: <script>alert(1)</script>\n\n',
      'event: tool_call\ndata: {"choices":[{"delta":{"content":"from a named event"}}]}\n\n',
      'garbage line without a field\n\n',
      sse({ choices: [{ delta: { content: 42 } }] }, { choices: 'nope' }, '[1,2,3]', '{"truncated":'),
      sse(deltaChunk({ content: 'text' }), '[DONE]'),
    ].join('');
    for (const size of [1, 5, body.length]) {
      const events = await collect(decodeCompletionStream(sourceOf(chunksOf(bytesOf(body), size)).stream));
      expect(events, `size ${size}`).toEqual([
        { type: 'text-delta', text: 'safe ' },
        { type: 'text-delta', text: 'text' },
      ]);
    }
  });

  const notCompatible = { code: 'bad_response', message: "The provider's answer was not an OpenAI-compatible stream." };
  it.each([
    ['non-JSON data, then [DONE]', 'data: hello\n\ndata: world\n\ndata: [DONE]\n\n'],
    ['non-JSON data, then EOF', 'data: hello\n\ndata: world\n\n'],
    ['only unknown events', 'event: ping\ndata: {}\n\nevent: ping\ndata: {}\n\ndata: [DONE]\n\n'],
    ['another protocol (Anthropic events)', 'event: message_start\ndata: {"type":"message_start"}\n\n'],
    ['JSON objects that are not chunks', 'data: {"type":"content_block_delta","delta":{"text":"x"}}\n\n'],
    ['plain text', 'Sorry, this server only speaks HTML.\n'],
    ['newline-delimited JSON', '{"message":{"content":"hi"},"done":false}\n{"done":true}\n'],
  ])('reports %s as bad_response', async (_, body) => {
    for (const size of [1, 2, 3, body.length]) {
      const events = await collect(decodeCompletionStream(sourceOf(chunksOf(bytesOf(body), size)).stream));
      expect(events, `size ${size}`).toEqual([{ type: 'error', error: notCompatible }]);
    }
  });

  it('judges a [DONE] only on what came before it', async () => {
    // Garbage after [DONE] is never read, however the bytes were split.
    const body = 'data: [DONE]\n\nnot a stream\n';
    for (const size of [1, 2, 5, body.length]) {
      const events = await collect(decodeCompletionStream(sourceOf(chunksOf(bytesOf(body), size)).stream));
      expect(events, `size ${size}`).toEqual([]);
    }
  });
});

describe('decodeCompletionStream: oversized lines', () => {
  const kib64 = 64 * 1024;

  it('stops an endless line at maxLineBytes, having read only a bounded amount', async () => {
    const source = sourceOf(repeat(bytesOf('a'.repeat(kib64))), 'close');
    const first = sourceOf([bytesOf(`${hello}data: `)]);
    // The endless line starts after two valid events, which still arrive.
    const stream = concatStreams(first.stream, source.stream);
    const maxLineBytes = 1024 * 1024;
    const events = await collect(decodeCompletionStream(stream, { maxLineBytes }));
    expect(joinDeltas(events)).toBe('Hello');
    expect(events.at(-1)).toEqual({
      type: 'error',
      error: {
        code: 'bad_response',
        message:
          "The provider's answer was not an OpenAI-compatible stream: a line of the stream exceeded 1048576 bytes.",
      },
    });
    expect(source.cancelled).toBe(true);
    expect(source.bytesPulled).toBeLessThanOrEqual(maxLineBytes + kib64);
  });

  it('applies a 4 MiB limit by default', async () => {
    const source = sourceOf(repeat(bytesOf(`data: ${'x'.repeat(kib64)}`)), 'close');
    const events = await collect(decodeCompletionStream(source.stream));
    expect(events).toEqual([{ type: 'error', error: expect.objectContaining({ code: 'bad_response' }) }]);
    expect(events[0]?.type === 'error' && events[0].error.message).toContain('4194304 bytes');
    expect(source.bytesPulled).toBeLessThanOrEqual(4 * 1024 * 1024 + 2 * kib64);
  });

  it('counts bytes, not characters', async () => {
    // 400 three-byte characters are 1,200 bytes: over a 1,000-byte limit though only 400 characters long.
    const body = `data: {"choices":[{"delta":{"content":"${'世'.repeat(400)}"}}]}\n\ndata: [DONE]\n\n`;
    const events = await collect(decodeCompletionStream(textSource(body).stream, { maxLineBytes: 1000 }));
    expect(events).toEqual([{ type: 'error', error: expect.objectContaining({ code: 'bad_response' }) }]);
  });

  it('caps an event made of many short data lines too', async () => {
    const source = sourceOf(repeat(bytesOf('data: 0123456789\n')), 'close');
    const events = await collect(decodeCompletionStream(source.stream, { maxLineBytes: 10_000 }));
    expect(events).toEqual([{ type: 'error', error: expect.objectContaining({ code: 'bad_response' }) }]);
    expect(source.cancelled).toBe(true);
    // The parser caps the event's data (10 characters and a line feed per 17-byte line), so about 15.5 kB.
    expect(source.bytesPulled).toBeLessThanOrEqual(17_000);
  });

  it('accepts a line of exactly maxLineBytes', async () => {
    const line = `data: ${JSON.stringify(deltaChunk({ content: 'x'.repeat(500) }))}`;
    const body = `${line}\n\ndata: [DONE]\n\n`;
    const events = await collect(decodeCompletionStream(textSource(body).stream, { maxLineBytes: line.length }));
    expect(events).toEqual([{ type: 'text-delta', text: 'x'.repeat(500) }]);
  });
});

/** One body that reads `first` to its end, then `second`, passing a cancel on to both. */
function concatStreams(
  first: ReadableStream<Uint8Array>,
  second: ReadableStream<Uint8Array>,
): ReadableStream<Uint8Array> {
  const readers = [first.getReader(), second.getReader()];
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        for (;;) {
          const reader = readers[0];
          if (!reader) return controller.close();
          const result = await reader.read();
          if (!result.done) return controller.enqueue(result.value);
          readers.shift();
        }
      },
      async cancel() {
        await Promise.all(readers.map((reader) => reader.cancel()));
      },
    },
    { highWaterMark: 0 },
  );
}
