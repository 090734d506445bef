import type { SyncFailureCode } from './sync-failure.ts';

/**
 * What sync is doing, for the UI. `retryInMs` is the wait before the next automatic attempt, or null
 * when sync stopped until `resume()`.
 */
export type SyncStatus =
  | { state: 'idle' }
  | { state: 'syncing' }
  | { state: 'offline'; retryInMs: number }
  | { state: 'error'; code: SyncFailureCode; message: string; retryInMs: number | null };
