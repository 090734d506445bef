import { z } from 'zod/mini';
import { contentHashSchema } from './attachment.ts';

/** Where the blob store is served: `PUT|GET|HEAD <prefix>/<hash>`, `POST <prefix>/lacking` (docs/sync-protocol.md §13). */
export const blobPathPrefix = '/sync/blobs';

/** How many hashes one "which of these do you lack" query may ask about. */
export const blobsPerLackingQuery = 1000;

/**
 * Every error the blob store answers with, and its HTTP status. A client branches on the code, never on
 * the message (which is for people).
 */
export const blobErrorStatus = {
  unauthorized: 401, // no token, an unknown token, or a revoked device
  bad_request: 400, // not a content hash, a malformed query
  hash_mismatch: 400, // the bytes uploaded do not hash to the name they were sent under
  not_found: 404, // this user holds no blob of that hash (another user's blobs are never visible)
  too_large: 413, // over attachmentMaxBytes
  quota_exceeded: 507, // the user's blobs would exceed the server's per-user quota
  busy: 503, // the database or the disk failed; nothing was kept: retry later
} as const;

/** A blob store error code. */
export type BlobErrorCode = keyof typeof blobErrorStatus;

/** Every blob store error code, in the order of the table above. */
export const blobErrorCodes = Object.freeze(Object.keys(blobErrorStatus)) as readonly [
  BlobErrorCode,
  ...BlobErrorCode[],
];

export const blobErrorCodeSchema = z.enum(blobErrorCodes);

/** The body of every blob store error: `{ error: { code, message, details } }`. */
export const blobErrorBodySchema = z.object({
  error: z.object({
    code: blobErrorCodeSchema,
    message: z.string(),
    details: z.optional(z.record(z.string(), z.unknown())),
  }),
});
export type BlobErrorBody = z.infer<typeof blobErrorBodySchema>;

/** The details of `quota_exceeded`: what the user's blobs take, the limit, and what the refused upload needed. */
export const blobQuotaDetailsSchema = z.object({
  usedBytes: z.number(),
  limitBytes: z.number(),
  neededBytes: z.number(),
});
export type BlobQuotaDetails = z.infer<typeof blobQuotaDetailsSchema>;

/** `POST <prefix>/lacking`: which of these blobs the server does not hold for this user. */
export const blobLackingRequestSchema = z.object({
  hashes: z.array(contentHashSchema).check(z.maxLength(blobsPerLackingQuery)),
});
export type BlobLackingRequest = z.infer<typeof blobLackingRequestSchema>;

/** The answer: the asked hashes the server lacks, in the order asked. */
export const blobLackingResponseSchema = z.object({ lacking: z.array(contentHashSchema) });
export type BlobLackingResponse = z.infer<typeof blobLackingResponseSchema>;

/** The answer to a `PUT`: whether this upload stored the blob or the server already held it. */
export const blobPutResponseSchema = z.object({ hash: contentHashSchema, size: z.number(), created: z.boolean() });
export type BlobPutResponse = z.infer<typeof blobPutResponseSchema>;
