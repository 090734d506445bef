import { isDeviceLocalSetting, type WireRecord, wireRecordKey } from '@hearth/schema';

/**
 * Names one synced record: its table and its key (`id`, or `key` for settings). The table is a plain
 * string because a record held for a newer app version may belong to a table this version does not know.
 */
export interface RecordRef {
  readonly table: string;
  readonly key: string;
}

/** The ref of a synced record, or of a record as it came from the server (a SyncRecord is one too). */
export function recordRef(change: WireRecord): RecordRef {
  return { table: change.table, key: wireRecordKey(change) };
}

/** One string per record, for maps and sets (a table name never contains '/'). */
export function refKey(ref: RecordRef): string {
  return `${ref.table}/${ref.key}`;
}

/** True for settings that describe this device; they never sync, so sync never drops or pushes them. */
export function isDeviceLocal(ref: RecordRef): boolean {
  return ref.table === 'settings' && isDeviceLocalSetting(ref.key);
}
