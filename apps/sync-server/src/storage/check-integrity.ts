import type { Database } from 'better-sqlite3';
import { errorCode, StartupError } from '../startup-error.ts';

const damagedCodes = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

/** Refuses a database whose `PRAGMA integrity_check` is not `ok`, or that is not a database at all. */
export function checkIntegrity(db: Database): void {
  let problems: string[];
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    problems = rows.map((row) => row.integrity_check).filter((result) => result !== 'ok');
  } catch (error) {
    const code = errorCode(error);
    if (code === undefined || !damagedCodes.has(code)) throw error;
    problems = [`${code}: ${error instanceof Error ? error.message : String(error)}`];
  }
  if (problems.length === 0) return;
  throw new StartupError(
    'database_corrupt',
    `The database ${db.name} failed its integrity check (${problems.slice(0, 3).join('; ')}). Hearth will not ` +
      'start on a damaged database: stop the server, move the file (and its -wal and -shm files) aside, and ' +
      'restore a backup or start with an empty database.',
  );
}
