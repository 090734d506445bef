import type { BlobErrorCode } from '@hearth/schema';

/**
 * Every way a call of the server's blob store can fail as this device sees it: the store's own codes,
 * `network` (no answer at all), `server_error` (an answer that does not fit the protocol, a 5xx without
 * one of our codes) and `no_blob_store` (the server has none: an older server, or one without storage).
 */
export type BlobTransferErrorCode = BlobErrorCode | 'network' | 'server_error' | 'no_blob_store';

/** What the blob API throws; callers switch on `code`, never on the message. */
export class BlobTransferError extends Error {
  override readonly name = 'BlobTransferError';

  constructor(
    readonly code: BlobTransferErrorCode,
    message: string,
    /** The error's details from the server (`quota_exceeded`: used, limit, needed bytes). */
    readonly details: Readonly<Record<string, unknown>> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
