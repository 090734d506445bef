import { syncErrorCodes } from '@hearth/schema';

/**
 * Every way a sync request can fail as the client sees it: the protocol's own codes, `network` (no
 * answer at all) and `server_error` (a 5xx, or an answer that does not fit the protocol).
 */
export const syncClientErrorCodes = [...syncErrorCodes, 'network', 'server_error'] as const;
export type SyncClientErrorCode = (typeof syncClientErrorCodes)[number];

/** What a SyncTransport throws; the engine switches on `code`, never on the message. */
export class SyncTransportError extends Error {
  override readonly name = 'SyncTransportError';
  readonly code: SyncClientErrorCode;

  constructor(code: SyncClientErrorCode, message?: string, options?: { cause?: unknown }) {
    super(message ?? code, options);
    this.code = code;
  }
}

/** What the engine raises when the local store (IndexedDB) fails: quota, a closed database, a bug. */
export class SyncStorageError extends Error {
  override readonly name = 'SyncStorageError';
  readonly code = 'storage';
}

/** Normalises whatever a transport threw: a SyncTransportError passes, anything else means no usable answer. */
export function toTransportError(error: unknown): SyncTransportError {
  if (error instanceof SyncTransportError) return error;
  return new SyncTransportError('network', 'The sync request failed before an answer arrived', { cause: error });
}

/** Normalises whatever the local store threw. */
export function toStorageError(error: unknown): SyncStorageError | SyncTransportError {
  // Transport errors raised inside a store callback keep their code.
  if (error instanceof SyncStorageError || error instanceof SyncTransportError) return error;
  return new SyncStorageError('The local database failed during sync', { cause: error });
}
