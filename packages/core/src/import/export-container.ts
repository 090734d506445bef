import { countingStream, type ReadControl, streamChunks } from './blob-chunks.ts';
import { ImportFileError } from './import-file-error.ts';
import { looksLikeZip, readZipDirectory, type ZipEntry } from './zip/zip-directory.ts';
import { zipEntryChunks } from './zip/zip-entry-chunks.ts';

/** The JSON text of an export: the file itself, or the one entry of a ZIP that holds the conversations. */
export type ExportContainer = { kind: 'json' } | { kind: 'zip'; entry: ZipEntry | null; names: readonly string[] };

const conversationsEntry = 'conversations.json';

/** Which kind of file this is, reading only its first bytes and, for a ZIP, its table of contents. */
export async function openExportContainer(file: Blob): Promise<ExportContainer> {
  if (!(await looksLikeZip(file))) return { kind: 'json' };
  const entries = await readZipDirectory(file);
  const names = entries.map((entry) => entry.name);
  // At the top level as both clients write it, or in one folder when a person unpacked and re-zipped it.
  const candidates = entries
    .filter((entry) => entry.name === conversationsEntry || entry.name.endsWith(`/${conversationsEntry}`))
    .sort((a, b) => a.name.length - b.name.length);
  return { kind: 'zip', entry: candidates[0] ?? null, names };
}

/** The bytes of the export's JSON text, streamed; progress counts bytes of the file. */
export function containerChunks(
  file: Blob,
  container: ExportContainer,
  control: ReadControl,
): AsyncGenerator<Uint8Array, void, undefined> {
  if (container.kind === 'json') {
    return streamChunks(file.stream().pipeThrough(countingStream(control.onBytes)), control);
  }
  if (container.entry === null) throw missingEntryError();
  return zipEntryChunks(file, container.entry, control);
}

/** A ZIP that is not a ChatGPT or Claude export, or one that lost the file with the conversations. */
export function missingEntryError(): ImportFileError {
  return new ImportFileError('missing_entry', `The ZIP file has no ${conversationsEntry}.`, {
    entry: conversationsEntry,
  });
}

/** How many bytes of the file a full read of the container goes through, for the progress bar's end. */
export function containerBytes(file: Blob, container: ExportContainer): number {
  return container.kind === 'zip' && container.entry ? container.entry.compressedSize : file.size;
}
