import type { SyncMutation, SyncRecord } from '@hearth/schema';
import { SyncError } from '../sync-error.ts';

/** Both stores' answers to a push, written once. */

/** The deletion a purged tombstone stood for: the record's identity deleted at that clock. */
export function purgedTombstone(change: SyncRecord, key: string, clock: string): SyncRecord {
  return change.table === 'settings'
    ? { table: 'settings', record: { key, updatedAt: clock, deleted: true } }
    : ({ table: change.table, record: { id: key, updatedAt: clock, deleted: true } } as SyncRecord);
}

/** The refusal of a push one of whose mutations carries a clock of another device of the account. */
export function foreignClockError(options: { mutation: SyncMutation; key: string; clockId: string }): SyncError {
  const { mutation, key, clockId } = options;
  return new SyncError(
    'foreign_clock',
    `The ${mutation.change.table} record ${key} (mutation ${mutation.mutationId}) has a clock of the device ` +
      `"${clockId}", which is another device of this account: a device may push only clocks of its own. ` +
      'Nothing in this push was written.',
    { mutationId: mutation.mutationId, table: mutation.change.table, recordKey: key, clockId },
  );
}
