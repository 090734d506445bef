import type { SyncErrorCode } from '@hearth/schema';
import { TRPCError } from '@trpc/server';
import { SyncError, type SyncErrorDetails } from './sync-error.ts';

type TrpcCode = TRPCError['code'];

/** How each sync error code travels as a tRPC error (and so as an HTTP status); docs/sync-protocol.md lists it. */
export const trpcCodeBySyncCode = {
  unauthorized: 'UNAUTHORIZED', // 401
  forbidden: 'FORBIDDEN', // 403
  bad_request: 'BAD_REQUEST', // 400
  unsupported_version: 'BAD_REQUEST', // 400
  too_large: 'PAYLOAD_TOO_LARGE', // 413
  clock_ahead: 'BAD_REQUEST', // 400
  foreign_clock: 'FORBIDDEN', // 403
  resync_required: 'CONFLICT', // 409
  busy: 'SERVICE_UNAVAILABLE', // 503
  not_found: 'NOT_FOUND', // 404
  signup_disabled: 'FORBIDDEN', // 403
  rate_limited: 'TOO_MANY_REQUESTS', // 429
} as const satisfies Record<SyncErrorCode, TrpcCode>;

// Errors tRPC raises itself (malformed requests, an unknown procedure, a body over the cap) get the
// sync code that says what the client should do about them.
const syncCodeByTrpcCode: Partial<Record<TrpcCode, SyncErrorCode>> = {
  PARSE_ERROR: 'bad_request',
  BAD_REQUEST: 'bad_request',
  NOT_FOUND: 'bad_request',
  METHOD_NOT_SUPPORTED: 'bad_request',
  UNSUPPORTED_MEDIA_TYPE: 'bad_request',
  UNPROCESSABLE_CONTENT: 'bad_request',
  UNAUTHORIZED: 'unauthorized',
  FORBIDDEN: 'forbidden',
  PAYLOAD_TOO_LARGE: 'too_large',
  TOO_MANY_REQUESTS: 'rate_limited',
};

/** A SyncError as the tRPC error the router throws, keeping it as the cause. */
export function toTrpcError(error: SyncError): TRPCError {
  return new TRPCError({ code: trpcCodeBySyncCode[error.code], message: error.message, cause: error });
}

/** The SyncError behind a tRPC error, if one is. */
export function syncErrorOf(error: TRPCError): SyncError | undefined {
  return error.cause instanceof SyncError ? error.cause : undefined;
}

/** What the client reads in `error.data`: our code (null for an unexpected fault, a 5xx) and its details. */
export function syncDataOf(error: TRPCError): { syncCode: SyncErrorCode | null; details: SyncErrorDetails | null } {
  const cause = syncErrorOf(error);
  if (cause !== undefined) return { syncCode: cause.code, details: cause.details };
  return { syncCode: syncCodeByTrpcCode[error.code] ?? null, details: null };
}
