import type { Migration } from './migration.ts';

/**
 * Migration 2: the sync API's users, devices, records and pairing codes. Times are epoch milliseconds
 * of the server's clock; `updated_at` is the record's own hybrid logical clock, compared as text.
 */
export const syncTablesMigration: Migration = {
  version: 2,
  name: 'create sync tables',
  up: (db) =>
    db.exec(`
      CREATE TABLE sync_users (
        id TEXT PRIMARY KEY,
        created_at INTEGER NOT NULL,
        -- The last change sequence number given to this user's records: the pull cursor counts in it.
        seq INTEGER NOT NULL DEFAULT 0,
        -- Tombstones up to this sequence number were purged: a cursor below it missed deletions.
        purged_through_seq INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE sync_devices (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES sync_users (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        -- SHA-256 of the bearer token, hex; the token itself is never stored.
        token_hash TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER,
        revoked_at INTEGER,
        -- The highest mutation id applied for this device, so a retried batch changes nothing.
        last_mutation_id INTEGER NOT NULL DEFAULT 0,
        -- The user's seq when this device last pulled from cursor 0: a purge of tombstones up to it
        -- cannot concern what the device holds, so its cursors stay valid while it pages on.
        download_base_seq INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX sync_devices_by_user ON sync_devices (user_id);

      -- A rowid table: bodies can be large, which WITHOUT ROWID tables handle badly.
      CREATE TABLE sync_records (
        id INTEGER PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES sync_users (id) ON DELETE CASCADE,
        table_name TEXT NOT NULL,
        record_key TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted INTEGER NOT NULL,
        body TEXT NOT NULL,
        -- The user's sequence number of this record's latest change.
        seq INTEGER NOT NULL,
        -- When the server took the latest change (its own clock): the tombstone horizon counts from it.
        changed_at INTEGER NOT NULL,
        UNIQUE (user_id, table_name, record_key)
      ) STRICT;
      CREATE UNIQUE INDEX sync_records_by_seq ON sync_records (user_id, seq);
      CREATE INDEX sync_records_tombstones ON sync_records (changed_at) WHERE deleted = 1;

      -- What a purged tombstone leaves behind: the record's key and the clock of its deletion (a few
      -- dozen bytes), so that a device back after the horizon cannot bring the record back with an
      -- older edit, while its new records are taken as usual.
      CREATE TABLE sync_graves (
        user_id TEXT NOT NULL REFERENCES sync_users (id) ON DELETE CASCADE,
        table_name TEXT NOT NULL,
        record_key TEXT NOT NULL,
        deleted_at_clock TEXT NOT NULL,
        PRIMARY KEY (user_id, table_name, record_key)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE sync_pairing_codes (
        -- SHA-256 of the normalised code, hex.
        code_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES sync_users (id) ON DELETE CASCADE,
        created_by TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      ) STRICT;
    `),
};
