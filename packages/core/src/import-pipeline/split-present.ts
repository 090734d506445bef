import { type SyncRecord, type SyncTable, syncRecordKey } from '@hearth/schema';
import type { ImportPresence } from './import-store.ts';

/**
 * Splits a group into the records this device lacks and those it already has, live or deleted. Importing
 * never changes or deletes what is here: a present record is skipped, so importing a file twice adds
 * nothing, and a record deleted here stays deleted.
 */
export async function splitPresent(
  records: readonly SyncRecord[],
  presence: ImportPresence,
): Promise<{ fresh: SyncRecord[]; present: SyncRecord[] }> {
  const byTable = new Map<SyncTable, string[]>();
  for (const change of records) {
    const keys = byTable.get(change.table) ?? [];
    keys.push(syncRecordKey(change));
    byTable.set(change.table, keys);
  }
  const found = new Map<SyncTable, ReadonlySet<string>>(
    await Promise.all(
      [...byTable].map(async ([table, keys]) => [table, await presence.presentKeys(table, keys)] as const),
    ),
  );
  const fresh: SyncRecord[] = [];
  const present: SyncRecord[] = [];
  // A key listed twice in one file is one record: the first copy is taken, the second skipped.
  const taken = new Set<string>();
  for (const change of records) {
    const key = `${change.table}/${syncRecordKey(change)}`;
    if (found.get(change.table)?.has(syncRecordKey(change)) || taken.has(key)) present.push(change);
    else {
      taken.add(key);
      fresh.push(change);
    }
  }
  return { fresh, present };
}
