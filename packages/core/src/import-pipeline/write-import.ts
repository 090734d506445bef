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
  /**
   * Group transactions started before the previous ones commit (default 3). The database still runs them
   * one after another, in order; starting them early keeps it busy while the page prepares the next.
   */
  concurrency?: number;
  /** After each group's transaction commits, with the totals so far. */
  onProgress?(report: ImportReport, group: GroupWriteOutcome): void;
}

/**
 * The write pass: one transaction per group, in file order. It stops starting groups at the first failed
 * write (storage full, say) or when cancelled; the groups already started finish, each whole or not at
 * all. What is written is whole groups, and importing the same file again skips them and writes the rest.
 */
export async function writeImport(options: WriteImportOptions): Promise<ImportReport> {
  const now = options.now ?? Date.now;
  const concurrency = Math.max(1, options.concurrency ?? 3);
  const report: ImportReport = {
    written: emptyImportCounts(),
    skipped: emptyImportCounts(),
    notes: [],
    outcome: 'done',
  };
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  const settle = (outcome: GroupWriteOutcome) => {
    for (const key of Object.keys(outcome.written) as (keyof ImportCounts)[]) {
      report.written[key] += outcome.written[key];
      report.skipped[key] += outcome.skipped[key];
    }
    options.onProgress?.(report, outcome);
  };
  try {
    for await (const group of options.groups) {
      if (options.signal?.aborted || failure) break;
      addNotes(report.notes, group.notes);
      if (group.records.length === 0) continue;
      const write: Promise<void> = writeImportGroup({ store: options.store, group, clock: options.clock, nowMs: now() })
        .then(settle, (error: unknown) => {
          failure ??= { error };
        })
        .finally(() => inFlight.delete(write));
      inFlight.add(write);
      if (inFlight.size >= concurrency) await Promise.race(inFlight);
    }
  } catch (error) {
    // The file failed to read again (changed on disk since the preview): everything before it is whole.
    failure ??= { error };
  }
  await Promise.all(inFlight);
  if (failure) {
    report.outcome = 'failed';
    report.error = failure.error;
  } else if (options.signal?.aborted) {
    // Groups that end early because of the cancel (the worker stops sending) end a cancelled import too.
    report.outcome = 'cancelled';
  }
  return report;
}
