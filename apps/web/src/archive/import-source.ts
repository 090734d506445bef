import {
  type ArchiveEntry,
  archiveGroups,
  HybridClock,
  type ImportGroup,
  importedChatGroup,
  readArchive,
} from '@hearth/core';
import { type ArchiveHeader, archiveFormatName } from '@hearth/schema';
import { fileBytes } from './file-bytes.ts';
import type { ForeignFormats } from './foreign-formats.ts';

export interface ImportSourceReadOptions {
  signal?: AbortSignal;
  onProgress?(bytesRead: number, totalBytes: number): void;
  /** Our archive's header, once read. */
  onHeader?(header: ArchiveHeader): void;
}

/** A file an import can read: its format, and its content as groups, read again on every call. */
export interface ImportSource {
  /** `hearth` for our archive, else the foreign reader's name for the format. */
  format: string;
  groups(options?: ImportSourceReadOptions): AsyncIterable<ImportGroup>;
}

/**
 * The format dispatch: our archive (plain or gzip) is read record for record; any other file goes to the
 * readers of other clients' exports. Null when nothing knows the file.
 */
export async function openImportSource(file: Blob, foreign: ForeignFormats): Promise<ImportSource | null> {
  if (await looksLikeOurArchive(file)) {
    return {
      format: 'hearth',
      groups: (options = {}) => archiveGroups(withHeader(readArchive(fileBytes(file, options)), options.onHeader)),
    };
  }
  const format = await foreign.detect(file);
  if (format === null) return null;
  return {
    format,
    async *groups(options = {}) {
      // The records' clocks are replaced by this device's when written (`now`); ids come from the source.
      const context = { clock: new HybridClock({ deviceId: 'import' }), nowMs: Date.now() };
      const read = foreign.read(file, {
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      });
      for await (const chat of read) yield importedChatGroup(chat, foreign.records(chat, context));
    },
  };
}

async function* withHeader(
  entries: AsyncIterable<ArchiveEntry>,
  onHeader: ((header: ArchiveHeader) => void) | undefined,
): AsyncGenerator<ArchiveEntry> {
  for await (const entry of entries) {
    if (entry.kind === 'header') onHeader?.(entry.header);
    yield entry;
  }
}

const ourStart = `{"format":"${archiveFormatName}"`;

/**
 * Our archive's first line names the format. Reads only the start of the file (decompressed when gzip):
 * a first line that parses as our header, or that is our writer's start cut short, is ours; the reader
 * then says precisely what is wrong with the rest.
 */
async function looksLikeOurArchive(file: Blob): Promise<boolean> {
  let text = '';
  const decoder = new TextDecoder();
  try {
    for await (const chunk of fileBytes(file.slice(0, 64 * 1024))) {
      text += decoder.decode(chunk, { stream: true });
      if (text.includes('\n') || text.length >= 64 * 1024) break;
    }
  } catch {
    // A slice of a gzip file ends mid-stream: what was decompressed so far is enough to tell.
  }
  const firstLine = text.split('\n', 1)[0] ?? '';
  if (firstLine.startsWith(ourStart) || (firstLine.length > 0 && ourStart.startsWith(firstLine))) return true;
  try {
    const header = JSON.parse(firstLine) as { format?: unknown } | null;
    return typeof header === 'object' && header !== null && header.format === archiveFormatName;
  } catch {
    return false;
  }
}
