import type { SyncClientErrorCode } from './sync-client-error.ts';

/** Why a sync round failed: a transport code, or `storage` when the local database failed. */
export type SyncFailureCode = SyncClientErrorCode | 'storage';

/** Whether the engine retries a failure by itself, and what the person reads about it. */
export interface SyncFailurePolicy {
  retry: boolean;
  message: string;
}

const later = 'Syncing will try again shortly.';

/**
 * How every failure is handled. Retrying cannot fix a refused token, a broken clock, a protocol
 * mismatch or a refused batch, so those stop sync until `resume()` (after signing in, fixing the clock
 * or updating the app).
 */
export const syncFailurePolicies: Readonly<Record<SyncFailureCode, SyncFailurePolicy>> = {
  unauthorized: { retry: false, message: 'This device is signed out of sync. Sign in again to resume syncing.' },
  forbidden: { retry: false, message: 'The sync server does not allow this device to do that.' },
  bad_request: {
    retry: false,
    message: 'The sync server refused changes from this device as invalid. Update the app, then sync again.',
  },
  unsupported_version: {
    retry: false,
    message: 'The sync server speaks a different version of the sync protocol. Update the app or the server.',
  },
  too_large: { retry: false, message: 'A batch of changes was larger than the sync server accepts.' },
  clock_ahead: {
    retry: false,
    message:
      "This device's clock is far ahead of the sync server's. Correct this device's date and time, then sync again.",
  },
  foreign_clock: {
    retry: false,
    message:
      "The sync server refused this device's changes: their clock belongs to another device of this account. " +
      'Sign this device out of sync and pair it again.',
  },
  resync_required: { retry: true, message: `This device has to download everything again. ${later}` },
  busy: { retry: true, message: `The sync server is busy. ${later}` },
  not_found: { retry: false, message: 'The sync server did not find what this device asked for.' },
  signup_disabled: { retry: false, message: 'This sync server does not accept new accounts.' },
  rate_limited: { retry: true, message: `This device sent too many sync requests. ${later}` },
  network: {
    retry: true,
    message: 'The sync server cannot be reached. Changes stay on this device and sync when the connection is back.',
  },
  server_error: { retry: true, message: `The sync server ran into a problem. ${later}` },
  storage: {
    retry: true,
    message: "This device's storage failed during sync (it may be full). Nothing was lost; free some space if needed.",
  },
};
