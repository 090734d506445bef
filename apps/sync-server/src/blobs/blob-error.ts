import type { BlobErrorCode } from '@hearth/schema';
import type { SyncErrorDetails } from '../sync/sync-error.ts';

/**
 * The blob store's one error class: a code from the closed set `blobErrorCodes` (its HTTP status is
 * `blobErrorStatus[code]`), a message a person can act on, and JSON-safe details.
 */
export class BlobError extends Error {
  override readonly name = 'BlobError';

  constructor(
    readonly code: BlobErrorCode,
    message: string,
    readonly details: SyncErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
