import { countingStream, type ReadControl, streamChunks } from '../blob-chunks.ts';
import { ImportFileError } from '../import-file-error.ts';
import { crc32 } from './crc32.ts';
import { entryDataStart, type ZipEntry } from './zip-directory.ts';

const stored = 0;
const deflated = 8;

/**
 * The uncompressed bytes of one ZIP entry, inflated as they are read (the browser's own
 * DecompressionStream), checked against the entry's CRC-32 and size at the end so a damaged archive
 * never passes for a short one. Progress counts compressed bytes of the file.
 */
export async function* zipEntryChunks(
  file: Blob,
  entry: ZipEntry,
  control: ReadControl = {},
): AsyncGenerator<Uint8Array, void, undefined> {
  if (entry.flags & 1) throw unreadable(entry, 'it is encrypted');
  if (entry.method !== stored && entry.method !== deflated) {
    throw unreadable(entry, `it is compressed with method ${entry.method}, which this app does not read`);
  }
  const start = await entryDataStart(file, entry);
  let stream: ReadableStream<Uint8Array> = file
    .slice(start, start + entry.compressedSize)
    .stream()
    .pipeThrough(countingStream(control.onBytes));
  if (entry.method === deflated) stream = stream.pipeThrough(inflater());
  let crc = 0;
  let size = 0;
  try {
    for await (const chunk of streamChunks(stream, control)) {
      crc = crc32(chunk, crc);
      size += chunk.length;
      yield chunk;
    }
  } catch (error) {
    if (error instanceof ImportFileError || control.signal?.aborted) throw error;
    // The inflater's own errors (TypeError, with texts that differ by engine) all mean damaged data.
    throw unreadable(entry, 'its compressed data is damaged');
  }
  if (size !== entry.uncompressedSize || crc !== entry.crc32) {
    throw unreadable(entry, 'its checksum does not match');
  }
}

function unreadable(entry: ZipEntry, why: string): ImportFileError {
  return new ImportFileError('malformed', `"${entry.name}" in the ZIP file cannot be read: ${why}.`, {
    entry: entry.name,
    reason: why,
  });
}

/** The platform's raw inflate, typed as a plain byte transform (DOM and Node typings disagree on its input). */
function inflater(): TransformStream<Uint8Array, Uint8Array> {
  return new DecompressionStream('deflate-raw') as unknown as TransformStream<Uint8Array, Uint8Array>;
}
