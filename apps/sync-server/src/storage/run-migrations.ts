import type { Database } from 'better-sqlite3';
import { StartupError } from '../startup-error.ts';
import type { Migration } from './migration.ts';

/** The schema version of `db`: 0 for a fresh file, before migration 1 creates the bookkeeping table. */
export function schemaVersion(db: Database): number {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (table === undefined) return 0;
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null };
  return row.version ?? 0;
}

/** Applies the migrations `db` has not seen, each atomically; returns the versions applied. */
export function runMigrations(options: { db: Database; migrations: readonly Migration[] }): number[] {
  const { db, migrations } = options;
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migrations must be numbered 1, 2, 3...; found ${migration.version} at position ${index + 1}`);
    }
  });
  const current = schemaVersion(db);
  if (current > migrations.length) {
    throw new StartupError(
      'database_too_new',
      `The database ${db.name} has schema version ${current}, newer than this server knows (${migrations.length}). ` +
        'It was written by a newer Hearth: run that version, or restore a backup made for this one.',
    );
  }
  const record = (migration: Migration) =>
    db
      .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
      .run(migration.version, migration.name, new Date().toISOString());
  const applied: number[] = [];
  for (const migration of migrations.slice(current)) {
    try {
      db.transaction(() => {
        migration.up(db);
        record(migration);
      })();
    } catch (error) {
      throw new StartupError(
        'migration_failed',
        `Migration ${migration.version} (${migration.name}) failed on ${db.name}, which was left at version ` +
          `${schemaVersion(db)}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    applied.push(migration.version);
  }
  return applied;
}
