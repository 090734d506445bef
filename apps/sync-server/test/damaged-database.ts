import { readFileSync, writeFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';

/**
 * Writes a SQLite file that opens and answers queries but whose index disagrees with its table, so
 * that `PRAGMA integrity_check` reports problems instead of `ok`: one byte of an indexed value is
 * changed in the index page only.
 */
export function writeDatabaseWithBrokenIndex(file: string): void {
  const db = new BetterSqlite3(file);
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT); CREATE INDEX t_v ON t(v);');
  const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
  for (let index = 0; index < 20; index += 1) insert.run(`value-${index}`);
  const root = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 't_v'").pluck().get() as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const bytes = readFileSync(file);
  const page = bytes.subarray((root - 1) * pageSize, root * pageSize);
  const at = page.indexOf('value-7');
  if (at === -1) throw new Error('index page layout not as expected');
  page[at + 5] = 'X'.charCodeAt(0);
  writeFileSync(file, bytes);
}
