import { blobDestination } from './blob-destination.ts';
import { downloadFile } from './download-file.ts';

/** Where an export writes: a file on disk the person picked, or a download made at the end. */
export interface ArchiveTarget {
  writable: WritableStream<Uint8Array>;
  fileName: string;
  /** Called once the archive is complete: starts the download (nothing to do for a picked file). */
  finish(): void;
}

interface SaveFilePicker {
  showSaveFilePicker(options: {
    suggestedName: string;
    types: { description: string; accept: Record<string, string[]> }[];
  }): Promise<FileSystemFileHandle>;
}

/** `hearth-archive-2025-01-31.jsonl.gz`. */
export function archiveFileName(date: Date, gzip: boolean): string {
  const day = [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((part) => String(part).padStart(2, '0'));
  return `hearth-archive-${day.join('-')}.jsonl${gzip ? '.gz' : ''}`;
}

/**
 * Asks where the archive goes. Where the browser can write a file directly (Chromium's save picker), the
 * archive streams into it as it is written; elsewhere it is collected as Blob parts and downloaded at
 * the end. Call it straight from the click: the picker needs the person's gesture. Null: they cancelled.
 */
export async function openArchiveTarget(options: { gzip: boolean; date: Date }): Promise<ArchiveTarget | null> {
  const fileName = archiveFileName(options.date, options.gzip);
  const type = options.gzip ? 'application/gzip' : 'application/x-ndjson';
  const picker = (window as Partial<SaveFilePicker>).showSaveFilePicker;
  if (picker) {
    try {
      const handle = await picker.call(window, {
        suggestedName: fileName,
        types: [{ description: 'Hearth archive', accept: { [type]: [options.gzip ? '.gz' : '.jsonl'] } }],
      });
      return {
        writable: (await handle.createWritable()) as WritableStream<Uint8Array>,
        fileName: handle.name,
        finish() {},
      };
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return null;
      // Refused (no gesture left, a policy): a download still works.
    }
  }
  const destination = blobDestination(type);
  return { writable: destination.writable, fileName, finish: () => downloadFile(destination.blob(), fileName) };
}
