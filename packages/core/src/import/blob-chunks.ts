/** How a read reports its progress and is cancelled. */
export interface ReadControl {
  signal?: AbortSignal | undefined;
  /** Called with the bytes of the underlying file read so far, after each chunk. */
  onBytes?: ((bytesRead: number) => void) | undefined;
}

/**
 * The chunks of a stream as an async iterable. Written with a reader rather than the stream's own async
 * iterator, which not every browser that runs the worker has. Stopping early, or an abort, cancels the
 * stream so the file is not read further.
 */
export async function* streamChunks(
  stream: ReadableStream<Uint8Array>,
  control: ReadControl = {},
): AsyncGenerator<Uint8Array, void, undefined> {
  const reader = stream.getReader();
  let finished = false;
  try {
    for (;;) {
      control.signal?.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** A stream that passes bytes through and counts them, to report progress in bytes of the file. */
export function countingStream(
  onBytes: ((bytesRead: number) => void) | undefined,
): TransformStream<Uint8Array, Uint8Array> {
  let total = 0;
  return new TransformStream({
    transform(chunk, controller) {
      total += chunk.length;
      onBytes?.(total);
      controller.enqueue(chunk);
    },
  });
}
