import type { Database } from 'better-sqlite3';

/** One numbered step of the schema; each runs once, in its own transaction with its bookkeeping row. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
