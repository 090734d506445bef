import {
  deviceLocalSettingKeys,
  type SettingKey,
  type SyncRecord,
  type SyncTable,
  syncRecordKey,
} from '@hearth/schema';

/** Names one synced record: its table and its key (`id`, or `key` for settings). */
export interface RecordRef {
  readonly table: SyncTable;
  readonly key: string;
}

/** The ref of a synced record. */
export function recordRef(change: SyncRecord): RecordRef {
  return { table: change.table, key: syncRecordKey(change) };
}

/** One string per record, for maps and sets (a table name never contains '/'). */
export function refKey(ref: RecordRef): string {
  return `${ref.table}/${ref.key}`;
}

/** True for settings that describe this device; they never sync, so sync never drops or pushes them. */
export function isDeviceLocal(ref: RecordRef): boolean {
  return ref.table === 'settings' && deviceLocalSettingKeys.includes(ref.key as SettingKey);
}
