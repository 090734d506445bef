import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StartupError } from '../startup-error.ts';
import type { Migration } from './migration.ts';
import { migrations } from './migrations.ts';
import { runMigrations, schemaVersion } from './run-migrations.ts';

let db: Database;
beforeEach(() => {
  db = new BetterSqlite3(':memory:');
});
afterEach(() => db.close());

const first = migrations[0] as Migration;
const createNotes: Migration = { version: 2, name: 'create notes', up: (d) => d.exec('CREATE TABLE notes (x TEXT)') };
const tables = () => db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();

describe('runMigrations', () => {
  it('applies pending migrations in order and records each', () => {
    expect(schemaVersion(db)).toBe(0);
    expect(runMigrations({ db, migrations: [first, createNotes] })).toEqual([1, 2]);
    expect(schemaVersion(db)).toBe(2);
    expect(tables()).toEqual(['notes', 'schema_migrations']);
  });

  it('applies only what is new on the next start', () => {
    runMigrations({ db, migrations: [first] });
    expect(runMigrations({ db, migrations: [first, createNotes] })).toEqual([2]);
    expect(runMigrations({ db, migrations: [first, createNotes] })).toEqual([]);
  });

  it('rolls a failing migration back whole and says which one failed', () => {
    const broken: Migration = {
      version: 2,
      name: 'half done',
      up: (d) => {
        d.exec('CREATE TABLE half (x TEXT)');
        d.exec('THIS IS NOT SQL');
      },
    };
    runMigrations({ db, migrations: [first] });
    let error: unknown;
    try {
      runMigrations({ db, migrations: [first, broken] });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StartupError);
    expect((error as StartupError).code).toBe('migration_failed');
    expect((error as StartupError).message).toContain('Migration 2 (half done) failed');
    expect((error as StartupError).message).toContain('left at version 1');
    expect(tables()).toEqual(['schema_migrations']);
    expect(schemaVersion(db)).toBe(1);
  });

  it('refuses a database written by a newer server', () => {
    runMigrations({ db, migrations: [first, createNotes] });
    expect(() => runMigrations({ db, migrations: [first] })).toThrow(
      expect.objectContaining({ code: 'database_too_new' }) as unknown as Error,
    );
  });

  it('insists on numbering 1, 2, 3', () => {
    expect(() => runMigrations({ db, migrations: [first, { ...createNotes, version: 3 }] })).toThrow(
      'found 3 at position 2',
    );
  });
});
