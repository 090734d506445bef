import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BlobError } from './blob-error.ts';

/** An upload written to a temporary file, with what its bytes hash to. */
export interface ReceivedBlob {
  tempPath: string;
  hash: string;
  size: number;
}

/**
 * Streams `body` into a new file in `tempDir`, hashing it on the way, and flushes it to disk. Refuses it
 * (`too_large`) as soon as it passes `maxBytes`, without reading further. The file is removed on any
 * failure; on success the caller renames it into place or removes it.
 */
export async function receiveBlob(options: {
  body: Readable;
  tempDir: string;
  maxBytes: number;
}): Promise<ReceivedBlob> {
  const { body, tempDir, maxBytes } = options;
  const tempPath = join(tempDir, `${randomBytes(12).toString('hex')}.part`);
  const digest = createHash('sha256');
  let size = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) {
        done(
          new BlobError('too_large', `A file may be at most ${maxBytes} bytes; this one is larger.`, {
            limit: maxBytes,
          }),
        );
        return;
      }
      digest.update(chunk);
      done(null, chunk);
    },
  });
  // `flush: true` fsyncs before the stream finishes, so a blob acknowledged is on disk.
  const file = createWriteStream(tempPath, { flags: 'wx', flush: true });
  try {
    await pipeline(body, measure, file);
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
  return { tempPath, hash: digest.digest('hex'), size };
}
