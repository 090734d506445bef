import { blobsMigration } from './blobs-migration.ts';
import { forgetfulSyncMigration } from './forgetful-sync-migration.ts';
import type { Migration } from './migration.ts';
import { syncTablesMigration } from './sync-tables-migration.ts';

/** The schema's history, oldest first; append, never edit a released step. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'create schema_migrations',
    up: (db) =>
      db.exec(`CREATE TABLE schema_migrations (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        applied_at TEXT NOT NULL
      ) STRICT`),
  },
  syncTablesMigration,
  forgetfulSyncMigration,
  blobsMigration,
];
