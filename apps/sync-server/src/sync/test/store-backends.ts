import { join } from 'node:path';
import { type PostgresCluster, startPostgresCluster } from '../../../test/postgres-cluster.ts';
import { makeTempDir } from '../../../test/temp-dir.ts';
import { openStorage } from '../../storage/open-storage.ts';
import { type OpenPostgresOptions, openPostgres } from '../store/postgres-database.ts';
import { PostgresSyncStore } from '../store/postgres-sync-store.ts';
import { SqliteSyncStore } from '../store/sqlite-sync-store.ts';
import type { SyncStore } from '../store/sync-store.ts';

/** A fresh, empty store of one kind, with a way to look at its tables the way the tests need. */
export interface OpenedStore {
  store: SyncStore;
  /** Runs a query with `?` placeholders (both dialects) and returns the rows. */
  sql<Row = Record<string, unknown>>(query: string, values?: unknown[]): Promise<Row[]>;
  /** The first column of the first row. */
  value(query: string, values?: unknown[]): Promise<unknown>;
  close(): Promise<void>;
}

/** A kind of store the contract suite runs against. */
export interface StoreBackend {
  readonly name: 'sqlite' | 'postgres';
  /** A new store on an empty database (migrations applied). */
  open(options?: { lockTimeoutMs?: number }): Promise<OpenedStore>;
  /** Releases what the backend started (the PostgreSQL cluster); call in afterAll. */
  stop(): Promise<void>;
}

/** The SQLite store on a file in a fresh temp dir. */
export function sqliteBackend(): StoreBackend {
  return {
    name: 'sqlite',
    async open() {
      const temp = makeTempDir('store');
      const storage = openStorage({ dataDir: join(temp.path, 'data') });
      const sql = async <Row>(query: string, values: unknown[] = []) =>
        storage.db.prepare(query).all(...values) as Row[];
      return {
        store: new SqliteSyncStore({ db: storage.db }),
        sql,
        value: async (query, values = []) =>
          storage.db
            .prepare(query)
            .pluck()
            .get(...values),
        async close() {
          storage.close();
          temp.remove();
        },
      };
    },
    async stop() {},
  };
}

let databases = 0;

/** The PostgreSQL store, each `open()` on a new database of one throwaway cluster started on first use. */
export function postgresBackend(): StoreBackend {
  let cluster: Promise<PostgresCluster> | undefined;
  return {
    name: 'postgres',
    async open(options = {}) {
      cluster ??= startPostgresCluster();
      databases += 1;
      const url = await (await cluster).createDatabase(`contract_${process.pid}_${databases}`);
      const settings: OpenPostgresOptions = { url, ...options };
      const database = await openPostgres(settings);
      const sql = async <Row>(query: string, values: unknown[] = []) => {
        let index = 0;
        const numbered = query.replace(/\?/g, () => `$${++index}`);
        return (await database.pool.query(numbered, values)).rows as Row[];
      };
      return {
        store: new PostgresSyncStore({ database }),
        sql,
        value: async (query, values = []) => {
          const row = (await sql<Record<string, unknown>>(query, values))[0];
          return row === undefined ? undefined : Object.values(row)[0];
        },
        close: () => database.close(),
      };
    },
    async stop() {
      await (await cluster)?.stop();
    },
  };
}

/** Both stores, for `describe.each`. */
export function storeBackends(): StoreBackend[] {
  return [sqliteBackend(), postgresBackend()];
}
