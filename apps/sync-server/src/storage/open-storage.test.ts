import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeDatabaseWithBrokenIndex } from '../../test/damaged-database.ts';
import { makeTempDir } from '../../test/temp-dir.ts';
import { StartupError } from '../startup-error.ts';
import { openStorage } from './open-storage.ts';
import type { Storage } from './storage.ts';

let temp: ReturnType<typeof makeTempDir>;
let storage: Storage | undefined;

beforeEach(() => {
  temp = makeTempDir('storage');
});
afterEach(() => {
  storage?.close();
  storage = undefined;
  temp.remove();
});

function startupErrorOf(action: () => unknown): StartupError {
  try {
    action();
  } catch (error) {
    if (error instanceof StartupError) return error;
    throw error;
  }
  throw new Error('expected a StartupError');
}

describe('openStorage', () => {
  it('creates DATA_DIR and hearth.sqlite in WAL mode with synchronous=FULL', () => {
    const dataDir = join(temp.path, 'nested', 'data');
    storage = openStorage({ dataDir });
    expect(storage.file).toBe(join(dataDir, 'hearth.sqlite'));
    expect(existsSync(storage.file)).toBe(true);
    expect(storage.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(storage.db.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL
    // The mode is stored in the file: a second connection sees WAL too.
    const other = new BetterSqlite3(storage.file, { readonly: true });
    expect(other.pragma('journal_mode', { simple: true })).toBe('wal');
    other.close();
    expect(readFileSync(storage.file).subarray(18, 20)).toEqual(Buffer.from([2, 2])); // header: WAL read/write versions
  });

  it('records each migration in schema_migrations, once across restarts', () => {
    const dataDir = join(temp.path, 'data');
    storage = openStorage({ dataDir });
    storage.close();
    storage = openStorage({ dataDir });
    const rows = storage.db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(rows).toEqual([
      { version: 1, name: 'create schema_migrations' },
      { version: 2, name: 'create sync tables' },
      { version: 3, name: 'forget deleted content; bind clocks to devices' },
      { version: 4, name: 'create the blob store index' },
    ]);
  });

  it('creates the sync tables (migrations 2, 3 and 4)', () => {
    storage = openStorage({ dataDir: temp.path });
    const tables = storage.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'sync_%' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual([
      'sync_blobs',
      'sync_device_clocks',
      'sync_devices',
      'sync_graves',
      'sync_pairing_codes',
      'sync_records',
      'sync_users',
    ]);
    expect(storage.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('answers isReachable until closed or removed', () => {
    storage = openStorage({ dataDir: temp.path });
    expect(storage.isReachable()).toBe(true);
    storage.close();
    expect(storage.isReachable()).toBe(false);
    storage.close(); // twice is fine
  });

  it('refuses a database whose integrity check fails, naming the problems and the fix', () => {
    writeDatabaseWithBrokenIndex(join(temp.path, 'hearth.sqlite'));
    const error = startupErrorOf(() => openStorage({ dataDir: temp.path }));
    expect(error.code).toBe('database_corrupt');
    expect(error.message).toContain(`The database ${join(temp.path, 'hearth.sqlite')} failed its integrity check`);
    expect(error.message).toContain('missing from index t_v');
    expect(error.message).toContain('restore a backup');
  });

  it('refuses a file that is not a SQLite database, without changing it', () => {
    const file = join(temp.path, 'hearth.sqlite');
    const garbage = 'not a database '.repeat(300);
    writeFileSync(file, garbage);
    const error = startupErrorOf(() => openStorage({ dataDir: temp.path }));
    expect(error.code).toBe('database_corrupt');
    expect(error.message).toContain('SQLITE_NOTADB');
    expect(readFileSync(file, 'utf8')).toBe(garbage);
  });

  it('refuses a DATA_DIR that cannot be created, saying which setting to change', () => {
    const blocker = join(temp.path, 'a-file');
    writeFileSync(blocker, '');
    const error = startupErrorOf(() => openStorage({ dataDir: join(blocker, 'data') }));
    expect(error.code).toBe('data_dir_unusable');
    expect(error.message).toContain(`DATA_DIR ${join(blocker, 'data')} cannot be created or written (ENOTDIR)`);
    expect(error.message).toContain('DATA_DIR (or --data-dir)');
  });

  it('refuses a DATA_DIR that is a file', () => {
    const file = join(temp.path, 'data');
    writeFileSync(file, '');
    expect(startupErrorOf(() => openStorage({ dataDir: file })).code).toBe('data_dir_unusable');
  });

  it('opens an existing healthy directory without touching other files', () => {
    mkdirSync(join(temp.path, 'data'));
    writeFileSync(join(temp.path, 'data', 'notes.txt'), 'keep');
    storage = openStorage({ dataDir: join(temp.path, 'data') });
    expect(readFileSync(join(temp.path, 'data', 'notes.txt'), 'utf8')).toBe('keep');
  });
});
