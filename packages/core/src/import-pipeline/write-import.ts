import type { HybridClock } from '../clock/hybrid-clock.ts';
import type { ImportNote } from '../import/imported-chat.ts';
import { addNotes, emptyImportCounts, type ImportCounts, type ImportGroup } from './import-group.ts';
import type { ImportStore } from './import-store.ts';
import { type GroupWriteOutcome, writeImportGroup } from './write-import-group.ts';

/** What an import's write pass did. */
export interface ImportReport {
  written: ImportCounts;
  skipped: ImportCounts;
  notes: ImportNote[];
  /** `done`: every group was handled; `cancelled`: stopped between groups; `failed`: a write failed. */
  outcome: 'done' | 'cancelled' | 'failed';
  /** What made a write fail (`failed` only); the groups before it are stored whole. */
  error?: unknown;
}

export interface WriteImportOptions {
  groups: AsyncIterable<ImportGroup>;
  store: ImportStore;
  clock: HybridClock;
  now?: () => number;
  signal?: AbortSignal;
  /** After each group's transaction commits, with the totals so far. */
  onProgress?(report: ImportReport, group: GroupWriteOutcome): void;
}

/**
 * The write pass: one transaction per group, in order. It stops at the first failed write (storage full,
 * say) or when cancelled, between groups: what was written is whole groups, and importing the same file
 * again skips them and writes the rest.
 */
export async function writeImport(options: WriteImportOptions): Promise<ImportReport> {
  const now = options.now ?? Date.now;
  const report: ImportReport = {
    written: emptyImportCounts(),
    skipped: emptyImportCounts(),
    notes: [],
    outcome: 'done',
  };
  try {
    for await (const group of options.groups) {
      if (options.signal?.aborted) {
        report.outcome = 'cancelled';
        return report;
      }
      addNotes(report.notes, group.notes);
      if (group.records.length === 0) continue;
      const outcome = await writeImportGroup({ store: options.store, group, clock: options.clock, nowMs: now() });
      for (const key of Object.keys(outcome.written) as (keyof ImportCounts)[]) {
        report.written[key] += outcome.written[key];
        report.skipped[key] += outcome.skipped[key];
      }
      options.onProgress?.(report, outcome);
    }
    // Groups that end early because of the cancel (the worker stops sending) end a cancelled import too.
    if (options.signal?.aborted) report.outcome = 'cancelled';
  } catch (error) {
    // A write the database refused, or a file that failed to read again: everything before is whole.
    report.outcome = 'failed';
    report.error = error;
  }
  return report;
}
