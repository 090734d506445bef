import type { Database } from 'better-sqlite3';

/** The server's SQLite database: created only in full mode, never in relay-only mode. */
export interface Storage {
  readonly db: Database;
  /** Absolute path of the SQLite file. */
  readonly file: string;
  /** Whether the file is still there and answers `SELECT 1`. */
  isReachable(): boolean;
  /** Closes the connection (checkpointing the WAL); safe to call twice. */
  close(): void;
}

/** The database file's name inside DATA_DIR. */
export const databaseFileName = 'hearth.sqlite';
