import type { Database } from 'better-sqlite3';

/**
 * Checkpoints the WAL into the database file and truncates it to zero bytes. The WAL keeps old
 * versions of pages (a deleted message's text among them) until it is reset; after a delete this is
 * what makes the text gone from every file, not only from the live database (with `secure_delete`).
 */
export function forgetWalHistory(db: Database): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}
