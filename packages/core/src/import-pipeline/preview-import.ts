import type { ImportNote } from '../import/imported-chat.ts';
import { addCounts, addNotes, emptyImportCounts, type ImportCounts, type ImportGroup } from './import-group.ts';
import type { ImportPresence } from './import-store.ts';
import { splitPresent } from './split-present.ts';

/** What an import would do, found before anything is written. */
export interface ImportPreview {
  /** Every record the file holds that this version can write. */
  found: ImportCounts;
  /** Of those, the ones already on this device (live or deleted), which the import skips. */
  alreadyHere: ImportCounts;
  notes: ImportNote[];
}

/**
 * Reads every group (the whole file: a broken file fails here, before the write pass starts) and counts
 * what it holds and what this device already has. A record listed twice in one file counts twice here;
 * the write pass, checking as it writes, adds it once.
 */
export async function previewImport(
  groups: AsyncIterable<ImportGroup>,
  presence: ImportPresence,
): Promise<ImportPreview> {
  const preview: ImportPreview = { found: emptyImportCounts(), alreadyHere: emptyImportCounts(), notes: [] };
  for await (const group of groups) {
    addCounts(preview.found, group.records);
    addNotes(preview.notes, group.notes);
    if (group.records.length === 0) continue;
    const { present } = await splitPresent(group.records, presence);
    addCounts(preview.alreadyHere, present);
  }
  return preview;
}
