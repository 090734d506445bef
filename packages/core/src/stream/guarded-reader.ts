/** What one read of a body produced. */
export type ReadOutcome =
  | { type: 'bytes'; bytes: Uint8Array }
  | { type: 'end' }
  | { type: 'aborted' }
  | { type: 'timeout' }
  | { type: 'failed' };

/** A body reader that honours an abort signal and an idle timeout. */
export interface GuardedReader {
  /** The next chunk, or why there is none; never rejects. */
  read(): Promise<ReadOutcome>;
  /** Stops reading: cancels the body unless it has ended, and drops the timer and the abort listener. Idempotent. */
  close(): void;
}

export interface GuardedReaderOptions {
  signal?: AbortSignal | undefined;
  idleTimeoutMs?: number | undefined;
}

const ignore = (): void => {};

/**
 * Reads `body`, turning an abort or `idleTimeoutMs` without bytes into a cancel of the body, so the pending
 * read settles at once and nothing is left waiting on the network.
 */
export function createGuardedReader(body: ReadableStream<Uint8Array>, options: GuardedReaderOptions): GuardedReader {
  const { signal, idleTimeoutMs } = options;
  const reader = body.getReader();
  let stopped: 'aborted' | 'timeout' | undefined;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function close(): void {
    if (closed) return;
    closed = true;
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    // Cancelling settles a pending read with done; a source whose cancel fails has nothing more to tell us.
    reader.cancel().catch(ignore);
  }

  function stop(reason: 'aborted' | 'timeout'): void {
    stopped ??= reason;
    close();
  }

  function onAbort(): void {
    stop('aborted');
  }

  signal?.addEventListener('abort', onAbort);

  async function read(): Promise<ReadOutcome> {
    if (signal?.aborted) stop('aborted');
    if (stopped) return { type: stopped };
    if (closed) return { type: 'end' };
    if (idleTimeoutMs !== undefined) timer = setTimeout(() => stop('timeout'), idleTimeoutMs);
    try {
      const result = await reader.read();
      if (stopped) return { type: stopped };
      if (!result.done) return { type: 'bytes', bytes: result.value };
      close();
      return { type: 'end' };
    } catch {
      // A connection reset errors the stream; so does fetch's own abort handling.
      if (signal?.aborted) stop('aborted');
      if (stopped) return { type: stopped };
      close();
      return { type: 'failed' };
    } finally {
      clearTimeout(timer);
    }
  }

  return { read, close };
}
