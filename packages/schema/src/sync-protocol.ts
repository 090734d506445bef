import { z } from 'zod/mini';
import { syncRecordSchema } from './sync-record.ts';

/** The sync protocol's version; a server refuses versions it does not speak (docs/sync-protocol.md). */
export const syncProtocolVersion = 1;

/** Limits every server enforces; a request over them is refused whole, nothing written. */
export const syncLimits = {
  mutationsPerPush: 500,
  bytesPerRecord: 256 * 1024,
  bytesPerPush: 4 * 1024 * 1024,
  recordsPerPullPage: 1_000,
} as const;

const protocolVersionSchema = z.literal(syncProtocolVersion);
const mutationIdSchema = z.int().check(z.gte(1), z.lte(Number.MAX_SAFE_INTEGER));
const cursorSchema = z.int().check(z.gte(0), z.lte(Number.MAX_SAFE_INTEGER));

/** One change a device made, numbered by that device: numbers only grow, so a retry is recognised. */
export const syncMutationSchema = z.object({
  mutationId: mutationIdSchema,
  change: syncRecordSchema,
});
export type SyncMutation = z.infer<typeof syncMutationSchema>;

/** A device's batch of changes, applied in one transaction, all or nothing. */
export const syncPushRequestSchema = z.object({
  protocolVersion: protocolVersionSchema,
  mutations: z.array(syncMutationSchema).check(z.maxLength(syncLimits.mutationsPerPush)),
});
export type SyncPushRequest = z.infer<typeof syncPushRequestSchema>;

/**
 * What a push did: the highest mutation number the server has applied for this device (so a retried
 * batch changes nothing), and the server's newer version of each record it did not take (last writer wins).
 */
export const syncPushResponseSchema = z.object({
  lastMutationId: z.int().check(z.gte(0)),
  superseded: z.array(syncRecordSchema),
});
export type SyncPushResponse = z.infer<typeof syncPushResponseSchema>;

/** Asks for the user's records changed after `cursor` (0: from the beginning). */
export const syncPullRequestSchema = z.object({
  protocolVersion: protocolVersionSchema,
  cursor: cursorSchema,
  limit: z.optional(z.int().check(z.gte(1), z.lte(syncLimits.recordsPerPullPage))),
});
export type SyncPullRequest = z.infer<typeof syncPullRequestSchema>;

/** One page of changes, oldest first; `cursor` is where the next page starts. */
export const syncPullResponseSchema = z.object({
  records: z.array(syncRecordSchema),
  cursor: cursorSchema,
  hasMore: z.boolean(),
});
export type SyncPullResponse = z.infer<typeof syncPullResponseSchema>;

/** A poke on the live channel: the user's data changed up to `cursor`; pull to catch up. */
export const syncPokeSchema = z.object({ cursor: cursorSchema });
export type SyncPoke = z.infer<typeof syncPokeSchema>;

/** Every error the sync API answers with, as a closed set of codes. */
export const syncErrorCodes = [
  'unauthorized', // no token, an unknown token, or a revoked device
  'forbidden', // the token is valid but may not do this
  'bad_request', // the request does not fit the protocol (an invalid record among them)
  'unsupported_version', // protocolVersion is not one this server speaks
  'too_large', // over a limit of syncLimits
  'clock_ahead', // a record's clock is too far in the server's future
  'resync_required', // the cursor is older than the tombstone horizon: start again from 0
  'busy', // the database is busy or full: retry later, nothing was written
  'not_found', // an unknown or expired pairing code
  'signup_disabled', // self-service sign-up is off on this server
  'rate_limited',
] as const;
export const syncErrorCodeSchema = z.enum(syncErrorCodes);
export type SyncErrorCode = z.infer<typeof syncErrorCodeSchema>;
