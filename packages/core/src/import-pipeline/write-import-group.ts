import type { SyncRecord } from '@hearth/schema';
import type { HybridClock } from '../clock/hybrid-clock.ts';
import { importedClock } from './import-clock.ts';
import { addCounts, emptyImportCounts, type ImportCounts, type ImportGroup } from './import-group.ts';
import type { ImportStore } from './import-store.ts';
import { splitPresent } from './split-present.ts';

export interface WriteImportGroupOptions {
  store: ImportStore;
  group: ImportGroup;
  clock: HybridClock;
  nowMs: number;
}

/** What writing one group did. */
export interface GroupWriteOutcome {
  written: ImportCounts;
  skipped: ImportCounts;
}

/**
 * Writes one group in one transaction: the records this device lacks, each with a clock of this device;
 * those already here (live or deleted) are skipped. Presence is checked inside the same transaction, so
 * two imports of one file, or an import racing a sync, never write a record twice.
 */
export async function writeImportGroup(options: WriteImportGroupOptions): Promise<GroupWriteOutcome> {
  const { group, clock, nowMs } = options;
  return options.store.transaction(async (access) => {
    const { fresh, present } = await splitPresent(group.records, access);
    const stamped = fresh.map(
      (change): SyncRecord =>
        ({
          table: change.table,
          record: {
            ...change.record,
            updatedAt: importedClock({ original: change.record.updatedAt, clocks: group.clocks, clock, nowMs }),
          },
        }) as SyncRecord,
    );
    if (stamped.length > 0) await access.putRecords(stamped);
    const written = emptyImportCounts();
    const skipped = emptyImportCounts();
    addCounts(written, stamped);
    addCounts(skipped, present);
    return { written, skipped };
  });
}
