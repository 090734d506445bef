import type { SyncErrorCode } from '@hearth/schema';

/** A JSON-safe value, so an error's details can travel to the client as they are. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Details of an error, e.g. which record and by how much; never secrets. */
export type SyncErrorDetails = Readonly<Record<string, JsonValue>>;

/**
 * The sync API's one error class: a code from the closed set `syncErrorCodes`, a message a person can
 * act on, and JSON-safe details. The router maps the code to a tRPC error and the client branches on
 * the code (sent as `data.syncCode`), never on the message.
 */
export class SyncError extends Error {
  override readonly name = 'SyncError';

  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly details: SyncErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
