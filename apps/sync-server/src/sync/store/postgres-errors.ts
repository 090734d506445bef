import { SyncError } from '../sync-error.ts';

/** Why a retryable PostgreSQL failure happened. */
export type PostgresRetryReason = 'locked' | 'full' | 'unavailable';

// SQLSTATE codes (and classes, by their first two characters) after which the same request can succeed
// later: lock and serialization conflicts, a full disk or too many connections, a server shutting down
// or restarting, and a connection that broke. In every case the transaction was rolled back whole.
const retryableCodes: Readonly<Record<string, PostgresRetryReason>> = {
  '40001': 'locked', // serialization_failure
  '40P01': 'locked', // deadlock_detected
  '55P03': 'locked', // lock_not_available (lock_timeout)
  '57014': 'locked', // query_canceled (statement_timeout)
  '53100': 'full', // disk_full
  '53200': 'full', // out_of_memory
  '53300': 'unavailable', // too_many_connections
  '57P01': 'unavailable', // admin_shutdown
  '57P02': 'unavailable', // crash_shutdown
  '57P03': 'unavailable', // cannot_connect_now (starting up, in recovery)
};
const retryableClasses: Readonly<Record<string, PostgresRetryReason>> = {
  '08': 'unavailable', // connection_exception
};
// Node's socket errors, and pg's own when the connection ends under a query.
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);

/** Why a retryable database failure happened, or undefined when `error` is not one. */
export function retryablePostgresReason(error: unknown): PostgresRetryReason | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    const known = retryableCodes[code] ?? retryableClasses[code.slice(0, 2)];
    if (known !== undefined) return known;
    if (networkCodes.has(code)) return 'unavailable';
  }
  // pg ends pending queries with a plain Error (no code) when the server closes the connection, and
  // the pool's connect fails with one on a timeout: both mean the database could not be reached.
  if (code === undefined && /Connection terminated|timeout exceeded when trying to connect/.test(error.message)) {
    return 'unavailable';
  }
  return undefined;
}

const messages: Readonly<Record<PostgresRetryReason, string>> = {
  locked: 'The sync server’s database is busy; nothing was written. Try again shortly.',
  full: 'The sync server is out of storage space; nothing was written. Try again later.',
  unavailable: 'The sync server cannot reach its database right now; nothing was written. Try again shortly.',
};

/**
 * Normalises an error from PostgreSQL where it enters: a retryable failure becomes `busy` (its
 * transaction was rolled back, so nothing was written); anything else is rethrown as it is.
 */
export function translatePostgresError(error: unknown): never {
  if (error instanceof SyncError) throw error;
  const reason = retryablePostgresReason(error);
  if (reason === undefined) throw error;
  throw new SyncError('busy', messages[reason], { reason }, { cause: error });
}
