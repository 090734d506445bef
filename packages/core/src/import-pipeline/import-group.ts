import type { SyncRecord } from '@hearth/schema';
import type { ImportNote } from '../import/imported-chat.ts';

/**
 * Records written together, in one transaction: a chat with all its messages, or records that stand
 * alone (model configurations, settings, deletions). An interrupted import leaves whole groups only.
 */
export interface ImportGroup {
  records: SyncRecord[];
  /**
   * How the records get this device's clocks when written (docs/archive-format.md, "Clocks"):
   * `keep-time` keeps each record's time (our archive: a newer edit made elsewhere still wins), `now`
   * stamps them as new writes (another client's export, whose records never had a clock of ours).
   */
  clocks: 'keep-time' | 'now';
  /** What was left out or changed on the way, for the preview and the report. */
  notes: ImportNote[];
}

/** What an import counts: live records per kind, and deletions (tombstones of any table). */
export interface ImportCounts {
  chats: number;
  messages: number;
  modelConfigs: number;
  settings: number;
  deletions: number;
}

export type ImportCountKind = keyof ImportCounts;

/** All zero. */
export function emptyImportCounts(): ImportCounts {
  return { chats: 0, messages: 0, modelConfigs: 0, settings: 0, deletions: 0 };
}

/** The count a record adds to. */
export function countKind(change: SyncRecord): ImportCountKind {
  return change.record.deleted ? 'deletions' : change.table;
}

/** Adds `records` to `counts`, in place. */
export function addCounts(counts: ImportCounts, records: readonly SyncRecord[]): void {
  for (const change of records) counts[countKind(change)] += 1;
}

/** Adds `more` to `notes`, one entry per kind, in place. */
export function addNotes(notes: ImportNote[], more: readonly ImportNote[]): void {
  for (const note of more) {
    const existing = notes.find((candidate) => candidate.kind === note.kind);
    if (existing) existing.count += note.count;
    else notes.push({ kind: note.kind, count: note.count });
  }
}
