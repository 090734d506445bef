import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { errorCode, StartupError } from '../startup-error.ts';
import { checkIntegrity } from './check-integrity.ts';
import { forgetWalHistory } from './forget-wal-history.ts';
import type { Migration } from './migration.ts';
import { migrations as defaultMigrations } from './migrations.ts';
import { runMigrations } from './run-migrations.ts';
import { databaseFileName, type Storage } from './storage.ts';

/** Where the database lives, and (for tests) which migrations bring it up to date. */
export interface OpenStorageOptions {
  dataDir: string;
  migrations?: readonly Migration[];
}

/**
 * Opens `<dataDir>/hearth.sqlite`, creating the directory and file when missing: integrity check
 * first (a damaged file is refused, never written to), then WAL with synchronous=FULL so that an
 * acknowledged write survives a power cut, then pending migrations.
 */
export function openStorage(options: OpenStorageOptions): Storage {
  const { dataDir, migrations = defaultMigrations } = options;
  ensureWritableDirectory(dataDir);
  const file = join(dataDir, databaseFileName);
  let db: Database;
  try {
    db = new BetterSqlite3(file);
  } catch (error) {
    throw new StartupError('database_unreadable', `Cannot open the database ${file}: ${describe(error)}`);
  }
  try {
    checkIntegrity(db);
    const journalMode = db.pragma('journal_mode = WAL', { simple: true });
    if (journalMode !== 'wal') throw new Error(`journal_mode is ${String(journalMode)}, not wal`);
    db.pragma('synchronous = FULL');
    // A delete must forget: freed rows and pages are overwritten with zeros, not left in the file.
    db.pragma('secure_delete = ON');
    db.pragma('foreign_keys = ON');
    // Waits for a lock instead of failing at once when a backup or another process holds it.
    db.pragma('busy_timeout = 5000');
    runMigrations({ db, migrations });
    forgetWalHistory(db);
  } catch (error) {
    db.close();
    if (error instanceof StartupError) throw error;
    throw new StartupError('database_unreadable', `Cannot use the database ${file}: ${describe(error)}`);
  }
  return storageOf(db, file);
}

function storageOf(db: Database, file: string): Storage {
  return {
    db,
    file,
    isReachable() {
      try {
        return existsSync(file) && db.prepare('SELECT 1 AS ok').get() !== undefined;
      } catch {
        return false;
      }
    },
    close() {
      if (db.open) db.close();
    },
  };
}

function ensureWritableDirectory(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
  } catch (error) {
    throw new StartupError(
      'data_dir_unusable',
      `DATA_DIR ${dataDir} cannot be created or written (${errorCode(error) ?? describe(error)}). ` +
        'Set DATA_DIR (or --data-dir) to a writable directory, or fix its permissions.',
    );
  }
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));
