// The driver is node-postgres (`pg`): the most used PostgreSQL client for Node, maintained for over a
// decade, pure JavaScript (nothing native to build), with a connection pool, typed SQLSTATE codes on
// its errors (which the busy mapping needs), parameterised queries only, and LISTEN/NOTIFY on a
// dedicated connection (the pokes between server processes). `postgres` (porsager) is faster on paper,
// but its tagged-template API hides the transaction boundaries this store wants to spell out.
import pg from 'pg';
import { StartupError } from '../../startup-error.ts';
import { runPostgresMigrations } from './postgres-migrations.ts';

/** BIGINT and COUNT(*) arrive as numbers: every value this store keeps is below 2^53. */
const numericTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** An open PostgreSQL database: a pool for the store, and a way to check it answers. */
export interface PostgresDatabase {
  readonly pool: pg.Pool;
  /** The URL, for the poke channel's own connection (LISTEN needs one that is not pooled). */
  readonly url: string;
  /** Whether the database answers `SELECT 1` now. */
  isReachable(): Promise<boolean>;
  /** Ends every pooled connection; safe to call twice. */
  close(): Promise<void>;
}

/** Settings of the pool (tests shorten the lock wait). */
export interface OpenPostgresOptions {
  url: string;
  /** Connections of this process (default 10). */
  maxConnections?: number;
  /** How long a statement waits for a row lock before the request is answered `busy` (default 5 s). */
  lockTimeoutMs?: number;
}

/** The client config for `url` with this store's type parsing; for connections outside the pool. */
export function postgresClientConfig(url: string): pg.ClientConfig {
  return { connectionString: url, types: numericTypes, application_name: 'hearth-sync' };
}

/** Connects, migrates to the latest schema, and returns the pool; a failure is a StartupError. */
export async function openPostgres(options: OpenPostgresOptions): Promise<PostgresDatabase> {
  const pool = new pg.Pool({
    ...postgresClientConfig(options.url),
    max: options.maxConnections ?? 10,
    lock_timeout: options.lockTimeoutMs ?? 5000,
    connectionTimeoutMillis: 10_000,
  });
  // An idle pooled connection that the server drops (a restart) emits here; the next query reconnects.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    try {
      await runPostgresMigrations(client);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => {});
    if (error instanceof StartupError) throw error;
    throw new StartupError(
      'database_unreadable',
      `Cannot use the PostgreSQL database at ${redactUrl(options.url)}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  let closed = false;
  return {
    pool,
    url: options.url,
    async isReachable() {
      try {
        await pool.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured URL';
  }
}
