import type { PoolClient } from 'pg';
import { StartupError } from '../../startup-error.ts';

/** One step of the PostgreSQL schema; each runs in its own transaction with its bookkeeping row. */
export interface PostgresMigration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The PostgreSQL schema's history, oldest first; append, never edit a released step. Version 1 is the
 * SQLite store's migrations 2 and 3 in one (this store starts at sync protocol 2). Clocks (`updated_at`,
 * `deleted_at_clock`) use the "C" collation: last writer wins compares them byte by byte, as strings
 * compare in JavaScript, whatever the database's default locale.
 */
export const postgresMigrations: readonly PostgresMigration[] = [
  {
    version: 1,
    name: 'create sync tables',
    sql: `
      CREATE TABLE sync_users (
        id TEXT PRIMARY KEY,
        created_at BIGINT NOT NULL,
        -- The last change sequence number given to this user's records. This row is also the lock that
        -- orders the user's pushes: see postgres-push.ts.
        seq BIGINT NOT NULL DEFAULT 0,
        -- Tombstones up to this sequence number were purged: a cursor below it missed deletions.
        purged_through_seq BIGINT NOT NULL DEFAULT 0
      );

      CREATE TABLE sync_devices (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES sync_users (id) ON DELETE CASCADE,
        -- Creation order, for listing devices oldest first when two share a millisecond.
        ordinal BIGINT GENERATED ALWAYS AS IDENTITY,
        name TEXT NOT NULL,
        -- SHA-256 of the bearer token, hex; the token itself is never stored.
        token_hash TEXT NOT NULL UNIQUE,
        created_at BIGINT NOT NULL,
        last_seen_at BIGINT,
        revoked_at BIGINT,
        last_mutation_id BIGINT NOT NULL DEFAULT 0,
        download_base_seq BIGINT NOT NULL DEFAULT 0
      );
      CREATE INDEX sync_devices_by_user ON sync_devices (user_id);

      CREATE TABLE sync_records (
        user_id TEXT NOT NULL REFERENCES sync_users (id) ON DELETE CASCADE,
        table_name TEXT NOT NULL,
        record_key TEXT NOT NULL,
        updated_at TEXT COLLATE "C" NOT NULL,
        deleted BOOLEAN NOT NULL,
        -- The record's JSON exactly as received (text, not jsonb, so nothing is reordered or dropped).
        body TEXT NOT NULL,
        seq BIGINT NOT NULL,
        changed_at BIGINT NOT NULL,
        PRIMARY KEY (user_id, table_name, record_key)
      );
      CREATE UNIQUE INDEX sync_records_by_seq ON sync_records (user_id, seq);
      CREATE INDEX sync_records_tombstones ON sync_records (changed_at) WHERE deleted;

      CREATE TABLE sync_graves (
        user_id TEXT NOT NULL REFERENCES sync_users (id) ON DELETE CASCADE,
        table_name TEXT NOT NULL,
        record_key TEXT NOT NULL,
        deleted_at_clock TEXT COLLATE "C" NOT NULL,
        PRIMARY KEY (user_id, table_name, record_key)
      );

      CREATE TABLE sync_pairing_codes (
        code_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES sync_users (id) ON DELETE CASCADE,
        created_by TEXT NOT NULL,
        expires_at BIGINT NOT NULL
      );

      CREATE TABLE sync_device_clocks (
        user_id TEXT NOT NULL REFERENCES sync_users (id) ON DELETE CASCADE,
        clock_id TEXT NOT NULL,
        device_id TEXT NOT NULL REFERENCES sync_devices (id) ON DELETE CASCADE,
        PRIMARY KEY (user_id, clock_id)
      );
      CREATE INDEX sync_device_clocks_by_device ON sync_device_clocks (device_id);
    `,
  },
];

// Any constant: every process of the deployment takes the same advisory lock while it migrates.
const migrationLockKey = 7_243_811;

/**
 * Brings the database up to the latest version. Several server processes may start at once: an
 * advisory lock lets one migrate while the others wait, then find nothing left to do. A database newer
 * than this server is refused, as the SQLite store does.
 */
export async function runPostgresMigrations(
  client: PoolClient,
  migrations: readonly PostgresMigration[] = postgresMigrations,
): Promise<void> {
  await client.query('SELECT pg_advisory_lock($1)', [migrationLockKey]);
  try {
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
    );
    const applied = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const versions = new Set(applied.rows.map((row) => row.version));
    const latest = migrations.at(-1)?.version ?? 0;
    const newest = Math.max(0, ...versions);
    if (newest > latest) {
      throw new StartupError(
        'database_too_new',
        `The PostgreSQL database is at schema version ${newest}, newer than this server's ${latest}: ` +
          'run a newer Hearth server against it.',
      );
    }
    for (const migration of migrations) {
      if (versions.has(migration.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
          migration.version,
          migration.name,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [migrationLockKey]);
  }
}
