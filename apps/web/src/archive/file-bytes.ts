import { ImportFileError } from '@hearth/core';
import { streamChunks } from './stream-chunks.ts';

/** A file the browser could not read (moved, deleted or changed since it was picked): not a broken file. */
export class FileReadError extends Error {
  constructor(options?: ErrorOptions) {
    super('The file could not be read.', options);
    this.name = 'FileReadError';
  }
}

/** True when a file starts with gzip's magic bytes. */
export async function isGzip(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  return head[0] === 0x1f && head[1] === 0x8b;
}

export interface FileBytesOptions {
  /** Bytes of the file read so far (compressed bytes, for a gzip file) and its size. */
  onProgress?(bytesRead: number, totalBytes: number): void;
  signal?: AbortSignal;
}

/**
 * The bytes of a file, decompressed when it is gzip, streamed. A gzip stream that fails is damaged or cut
 * short; which of the two cannot be told reliably (decompressors report both at the end of the input), so
 * both are one `malformed` error.
 */
export async function* fileBytes(file: Blob, options: FileBytesOptions = {}): AsyncGenerator<Uint8Array> {
  const gzip = await isGzip(file);
  let bytesRead = 0;
  const counted = file.stream().pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytesRead += chunk.byteLength;
        options.onProgress?.(bytesRead, file.size);
        controller.enqueue(chunk);
      },
    }),
  );
  const bytes = gzip
    ? counted.pipeThrough(new DecompressionStream('gzip') as ReadableWritablePair<Uint8Array, Uint8Array>)
    : counted;
  try {
    for await (const chunk of streamChunks(bytes)) {
      options.signal?.throwIfAborted();
      yield chunk;
    }
  } catch (error) {
    if (error instanceof ImportFileError || options.signal?.aborted) throw error;
    // A file the browser cannot read fails with a DOMException (NotReadableError); gzip with anything else.
    if (gzip && !(error instanceof DOMException)) {
      throw new ImportFileError('malformed', 'The compressed data is damaged or cut short.', {
        reason: 'gzip_damaged',
      });
    }
    throw new FileReadError({ cause: error });
  }
}
