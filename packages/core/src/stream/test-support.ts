import type { StreamEvent } from '@hearth/schema';

// Helpers for this folder's tests: in-memory bodies that record how they were read.

const encoder = new TextEncoder();

/** UTF-8 bytes of a string. */
export function bytesOf(text: string): Uint8Array {
  return encoder.encode(text);
}

/** `bytes` cut into pieces of `size` (the last may be shorter). */
export function chunksOf(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; offset += size) chunks.push(bytes.subarray(offset, offset + size));
  return chunks;
}

/** What happens after the last chunk: a clean close, a connection reset, or silence. */
export type SourceEnding = 'close' | 'error' | 'hang';

/** A body under test and what the reader did to it. */
export interface TestSource {
  stream: ReadableStream<Uint8Array>;
  /** Whether the reader cancelled the body. */
  readonly cancelled: boolean;
  /** Bytes handed to the reader so far. */
  readonly bytesPulled: number;
}

/** A body that hands out `chunks` one per read (nothing is queued ahead), then ends as `ending` says. */
export function sourceOf(chunks: Iterable<Uint8Array>, ending: SourceEnding = 'close'): TestSource {
  const iterator = chunks[Symbol.iterator]();
  let cancelled = false;
  let bytesPulled = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const next = iterator.next();
        if (!next.done) {
          bytesPulled += next.value.length;
          controller.enqueue(next.value);
          return undefined;
        }
        if (ending === 'close') controller.close();
        else if (ending === 'error') controller.error(new TypeError('network connection was reset'));
        else return new Promise<void>(() => {});
        return undefined;
      },
      cancel() {
        cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return {
    stream,
    get cancelled() {
      return cancelled;
    },
    get bytesPulled() {
      return bytesPulled;
    },
  };
}

/** A body that sends `text` in one chunk, then ends as `ending` says. */
export function textSource(text: string, ending: SourceEnding = 'close'): TestSource {
  return sourceOf([bytesOf(text)], ending);
}

/** An endless supply of the same chunk. */
export function* repeat(chunk: Uint8Array): Generator<Uint8Array> {
  for (;;) yield chunk;
}

/** Every event of a stream, in order. */
export async function collect(events: AsyncIterable<StreamEvent>): Promise<StreamEvent[]> {
  const all: StreamEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

/** The concatenated text of the deltas of one kind. */
export function joinDeltas(events: StreamEvent[], type: 'text-delta' | 'reasoning-delta' = 'text-delta'): string {
  return events.map((event) => (event.type === type ? event.text : '')).join('');
}

/** One SSE `data:` event per payload (objects are written as JSON), LF line endings. */
export function sse(...payloads: unknown[]): string {
  return payloads
    .map((payload) => `data: ${typeof payload === 'string' ? payload : JSON.stringify(payload)}\n\n`)
    .join('');
}

/** A chunk whose first choice carries `delta` (and optionally a finish reason). */
export function deltaChunk(delta: Record<string, unknown>, finishReason: string | null = null): unknown {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model: 'test-model',
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  };
}
