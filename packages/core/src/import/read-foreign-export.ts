import { detectInContainer } from './detect-foreign-export.ts';
import { containerBytes, containerChunks, missingEntryError, openExportContainer } from './export-container.ts';
import { foreignFormat } from './foreign-formats.ts';
import { ImportFileError } from './import-file-error.ts';
import type { ImportedChat } from './imported-chat.ts';
import { jsonArrayElements } from './json/json-array-elements.ts';

export interface ReadForeignExportOptions {
  /** After each chunk: bytes of the file read so far, out of the bytes this read goes through. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Stops the read: the iteration rejects with the signal's reason and the file is read no further. */
  signal?: AbortSignal;
}

/**
 * The conversations of another client's export (a ZIP or its JSON alone), one at a time as the file
 * streams in: neither the file nor its JSON text is ever held whole. Any conversation the reader cannot
 * make sense of fails the whole read with an ImportFileError naming it (the caller reads the whole file
 * once before writing anything); what is left out on purpose is counted in each chat's `notes`.
 */
export async function* readForeignExport(
  file: Blob,
  options: ReadForeignExportOptions = {},
): AsyncGenerator<ImportedChat, void, undefined> {
  const container = await openExportContainer(file);
  const detected = await detectInContainer(file, container);
  if (detected === null) {
    if (container.kind === 'zip' && container.entry === null) throw missingEntryError();
    throw new ImportFileError('unrecognized', 'This file is not an export of a chat app this app can read.', {});
  }
  const format = foreignFormat(detected);
  const total = containerBytes(file, container);
  const chunks = containerChunks(file, container, {
    signal: options.signal,
    onBytes: options.onProgress && ((bytes) => options.onProgress?.(bytes, total)),
  });
  const entry = container.kind === 'zip' ? container.entry?.name : undefined;
  let index = 0;
  try {
    for await (const element of jsonArrayElements(chunks, format.conversationsPath)) {
      options.signal?.throwIfAborted();
      yield format.conversation(element, index);
      index += 1;
    }
  } catch (error) {
    throw entry !== undefined && error instanceof ImportFileError && !('entry' in error.detail)
      ? new ImportFileError(error.code, `${entry} in the ZIP file: ${error.message}`, { ...error.detail, entry })
      : error;
  }
}
