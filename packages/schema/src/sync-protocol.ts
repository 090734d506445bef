import { z } from 'zod/mini';
import { syncRecordSchema } from './sync-record.ts';
import { wireRecordSchema } from './wire-record.ts';

/**
 * The sync protocol's version; a server refuses versions it does not speak (docs/sync-protocol.md).
 * 2: tombstones carry only their identity, records keep unknown fields, clocks are bound to devices.
 */
export const syncProtocolVersion = 2 as const;

/** Limits every server enforces; a request over them is refused whole, nothing written. */
export const syncLimits = {
  mutationsPerPush: 500,
  bytesPerRecord: 256 * 1024,
  bytesPerPush: 4 * 1024 * 1024,
  recordsPerPullPage: 1_000,
  /** A pull page stops growing past this many bytes of records (it always holds at least one). */
  bytesPerPullPage: 4 * 1024 * 1024,
} as const;

const protocolVersionSchema = z.literal(syncProtocolVersion);
const mutationIdSchema = z.int().check(z.gte(1), z.lte(Number.MAX_SAFE_INTEGER));
const cursorSchema = z.int().check(z.gte(0), z.lte(Number.MAX_SAFE_INTEGER));

/**
 * Where a push's own writes landed in the user's sequence: they took the numbers after `before` up to
 * `after`, with nothing else in between (one transaction). A device whose cursor is `before` holds
 * everything up to `after` and need not pull its own changes back.
 */
export const syncSequenceSpanSchema = z.object({ before: cursorSchema, after: cursorSchema });
export type SyncSequenceSpan = z.infer<typeof syncSequenceSpanSchema>;

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
  superseded: z.array(wireRecordSchema),
  sequence: syncSequenceSpanSchema,
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
  records: z.array(wireRecordSchema),
  cursor: cursorSchema,
  hasMore: z.boolean(),
});
export type SyncPullResponse = z.infer<typeof syncPullResponseSchema>;

/**
 * A poke on the live channel: the user's data changed up to `cursor`. When the change was small it
 * rides along: `changes.records` are every change after `changes.from` up to `cursor`, so a device
 * whose cursor is `from` applies them without pulling. Otherwise, pull to catch up.
 */
export const syncPokeSchema = z.object({
  cursor: cursorSchema,
  changes: z.optional(z.object({ from: cursorSchema, records: z.array(wireRecordSchema) })),
});
export type SyncPoke = z.infer<typeof syncPokeSchema>;

/** Every error the sync API answers with, as a closed set of codes. */
export const syncErrorCodes = [
  'unauthorized', // no token, an unknown token, or a revoked device
  'forbidden', // the token is valid but may not do this
  'bad_request', // the request does not fit the protocol (an invalid record among them)
  'unsupported_version', // protocolVersion is not one this server speaks
  'too_large', // over a limit of syncLimits
  'clock_ahead', // a record's clock is too far in the server's future
  'foreign_clock', // a record's clock names another device than the one pushing it
  'resync_required', // the cursor is older than the tombstone horizon: start again from 0
  'busy', // the database is busy or full: retry later, nothing was written
  'not_found', // an unknown or expired pairing code
  'signup_disabled', // self-service sign-up is off on this server
  'rate_limited',
] as const;
export const syncErrorCodeSchema = z.enum(syncErrorCodes);
export type SyncErrorCode = z.infer<typeof syncErrorCodeSchema>;
