import type { Migration } from './migration.ts';

/**
 * Migration 3 (sync protocol 2): deletes forget, and clocks are bound to devices.
 *
 * - Tombstones keep only their identity and clock: the content stored with older tombstones is
 *   overwritten here (with `secure_delete` on, see open-storage.ts, the freed bytes are zeroed too).
 * - `sync_device_clocks` names, per user, the device that owns each clock id (the device part of the
 *   clocks it writes), so no other device can push a clock with it.
 */
export const forgetfulSyncMigration: Migration = {
  version: 3,
  name: 'forget deleted content; bind clocks to devices',
  up: (db) =>
    db.exec(`
      UPDATE sync_records
      SET body = json_object(
        CASE WHEN table_name = 'settings' THEN 'key' ELSE 'id' END, record_key,
        'updatedAt', updated_at,
        'deleted', json('true'))
      WHERE deleted = 1;

      CREATE TABLE sync_device_clocks (
        user_id TEXT NOT NULL REFERENCES sync_users (id) ON DELETE CASCADE,
        clock_id TEXT NOT NULL,
        device_id TEXT NOT NULL REFERENCES sync_devices (id) ON DELETE CASCADE,
        PRIMARY KEY (user_id, clock_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX sync_device_clocks_by_device ON sync_device_clocks (device_id);
    `),
};
