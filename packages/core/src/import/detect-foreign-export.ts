import { containerChunks, type ExportContainer, openExportContainer } from './export-container.ts';
import { type ForeignExportFormat, foreignFormats } from './foreign-formats.ts';
import { readJsonOutline } from './json/json-outline.ts';

/** Far more than the keys of any client's first conversation need, and quick to read. */
const outlineBytes = 4 * 1024 * 1024;

/**
 * Which client's export a file is, from its content (ChatGPT's and Claude's are both conversations.json):
 * null for anything else, our own archive included. A file that is a ZIP but cannot be read (cut short,
 * damaged) rejects with the ImportFileError that says so, since "not an export" would hide the reason.
 */
export async function detectForeignExport(file: Blob): Promise<ForeignExportFormat | null> {
  const container = await openExportContainer(file);
  return detectInContainer(file, container);
}

export async function detectInContainer(file: Blob, container: ExportContainer): Promise<ForeignExportFormat | null> {
  if (container.kind === 'zip' && container.entry === null) return null;
  const candidates = foreignFormats.filter((format) => container.kind === 'json' || format.zipEntry !== null);
  const chunks = containerChunks(file, container, {});
  let outline: Awaited<ReturnType<typeof readJsonOutline>>;
  try {
    outline = await readJsonOutline(chunks, outlineBytes);
  } finally {
    await chunks.return(undefined);
  }
  const found = candidates.find((format) => format.matches(outline));
  if (found) return found.format;
  if (container.kind === 'zip' && outline.emptyArray) {
    // An account with no conversations: only the other files of the ZIP say whose it is.
    const names = new Set(container.names.map((name) => name.split('/').at(-1)));
    return candidates.find((format) => format.zipMarkers.some((marker) => names.has(marker)))?.format ?? null;
  }
  return null;
}
