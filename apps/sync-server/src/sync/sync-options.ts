import { defaultMaxClockDriftMs } from '@hearth/core';
import { syncLimits } from '@hearth/schema';

const dayMs = 24 * 60 * 60 * 1000;

/** How the sync API behaves on this server (SYNC_* settings). */
export interface SyncOptions {
  /** Whether anyone may create an account with `account.signUp`; off by default. */
  signup: boolean;
  /** How long a tombstone is kept; a device away longer must start over (`resync_required`). */
  tombstoneHorizonMs: number;
  /** How far ahead of this server's clock a record's clock may be before the push is refused. */
  maxClockAheadMs: number;
  /** Origins allowed to call `/trpc` cross-origin; the app's own origin needs no entry. */
  corsOrigins: readonly string[];
  /** This server's public origin, for pairing links; undefined: taken from the request's Host. */
  publicUrl: string | undefined;
}

/** The defaults, documented in the package README and docs/sync-protocol.md. */
export const syncDefaults = {
  tombstoneDays: 30,
  maxClockAheadMs: defaultMaxClockDriftMs,
  /** How often tombstones past the horizon are purged (also once at start-up). */
  purgeIntervalMs: 60 * 60 * 1000,
  /** Pairing codes live this long, and are single-use. */
  pairingCodeTtlMs: 10 * 60 * 1000,
  /** Unauthenticated account calls (sign-up, pairing redemption) per minute per client address. */
  accountRequestsPerMinute: 20,
} as const;

/**
 * The largest HTTP body `/trpc` reads: a push at the limit plus room for the JSON envelope of a batch of
 * calls. A larger body is refused while it is read, before it is parsed, with `too_large`.
 */
export const maxSyncBodyBytes = syncLimits.bytesPerPush + 64 * 1024;

/** Days as milliseconds, for SYNC_TOMBSTONE_DAYS. */
export function daysToMs(days: number): number {
  return days * dayMs;
}

/** The sync options with every default applied. */
export const defaultSyncOptions: SyncOptions = {
  signup: false,
  tombstoneHorizonMs: daysToMs(syncDefaults.tombstoneDays),
  maxClockAheadMs: syncDefaults.maxClockAheadMs,
  corsOrigins: [],
  publicUrl: undefined,
};
