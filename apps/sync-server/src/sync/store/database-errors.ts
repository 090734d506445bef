import { SyncError } from '../sync-error.ts';

// SQLite result codes (extended ones start with the primary name) after which a retry can succeed:
// another connection holds the lock, the disk or the page limit is full, or the disk failed an I/O.
const retryable = [
  { prefix: 'SQLITE_BUSY', reason: 'locked' },
  { prefix: 'SQLITE_LOCKED', reason: 'locked' },
  { prefix: 'SQLITE_PROTOCOL', reason: 'locked' },
  { prefix: 'SQLITE_FULL', reason: 'full' },
  { prefix: 'SQLITE_IOERR', reason: 'io' },
] as const;

/** Why a retryable database failure happened, or undefined when `error` is not one. */
export function retryableDatabaseReason(error: unknown): 'locked' | 'full' | 'io' | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  return retryable.find((entry) => code.startsWith(entry.prefix))?.reason;
}

const messages = {
  locked: 'The sync server’s database is busy; nothing was written. Try again shortly.',
  full: 'The sync server is out of storage space; nothing was written. Try again later.',
  io: 'The sync server could not write to its disk; nothing was written. Try again later.',
} as const;

/**
 * Normalises an error from the database where it enters: a retryable SQLite failure becomes `busy`
 * (its transaction was rolled back, so nothing was written); anything else is rethrown as it is.
 */
export function translateDatabaseError(error: unknown): never {
  const reason = retryableDatabaseReason(error);
  if (reason === undefined) throw error;
  throw new SyncError('busy', messages[reason], { reason }, { cause: error });
}
