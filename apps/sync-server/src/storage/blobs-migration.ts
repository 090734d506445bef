import type { Migration } from './migration.ts';

/**
 * Migration 4: the blob store's index. The bytes are files under `DATA_DIR/blobs/<user id>/<hash>`
 * (blobs/sqlite-blob-store.ts); this table says which user holds which blob, how large it is (for the
 * quota) and since when no live record names it (for freeing it after the grace period).
 */
export const blobsMigration: Migration = {
  version: 4,
  name: 'create the blob store index',
  up: (db) =>
    db.exec(`
      CREATE TABLE sync_blobs (
        user_id TEXT NOT NULL REFERENCES sync_users (id) ON DELETE CASCADE,
        -- SHA-256 of the bytes, lowercase hex: the blob's name.
        hash TEXT NOT NULL,
        size INTEGER NOT NULL,
        stored_at INTEGER NOT NULL,
        -- Since when (the server's clock) no live record was seen naming it; NULL while one does.
        unreferenced_since INTEGER,
        PRIMARY KEY (user_id, hash)
      ) STRICT, WITHOUT ROWID;
    `),
};
