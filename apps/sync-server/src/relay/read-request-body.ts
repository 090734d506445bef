import type { Readable } from 'node:stream';

const ignore = () => {};

/** A request body as read: whole, too large (reading stopped), or cut off by the client. */
export type BodyRead = { kind: 'complete'; body: Buffer } | { kind: 'too-large' } | { kind: 'aborted' };

/**
 * Reads a request body into memory, stopping as soon as it passes `maxBytes`. The relay holds the body
 * before it calls the upstream, so an oversized body gets its 413 with no upstream call at all, and the
 * upstream sees a Content-Length instead of a chunked upload (which some providers refuse).
 */
export function readRequestBody(options: { stream: Readable; maxBytes: number }): Promise<BodyRead> {
  const { stream, maxBytes } = options;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    const settle = (result: BodyRead) => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      stream.off('close', onClose);
      // A later failure of a stream nobody reads any more must not become an uncaught error.
      stream.on('error', ignore);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        // Stop reading; the 413 goes out with `connection: close`, which discards the rest.
        stream.pause();
        settle({ kind: 'too-large' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () =>
      settle({ kind: 'complete', body: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, bytes) });
    const onError = () => settle({ kind: 'aborted' });
    const onClose = () => settle({ kind: 'aborted' });
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
    stream.on('close', onClose);
  });
}
