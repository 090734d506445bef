import { type RelayErrorBody, type RelayErrorCode, relayErrorStatus, relayErrorType } from '@hearth/schema';

// The codes, their statuses and the body's shape are the relay's contract with the app, defined once in
// @hearth/schema; this file is the server's error class over them.
export { type RelayErrorCode, relayErrorCodes, relayErrorStatus, relayErrorType } from '@hearth/schema';

/** JSON-safe extra facts about an error. */
export interface RelayErrorDetails {
  /** For `rate_limited`: whole seconds until a request would pass. */
  retryAfterSeconds?: number;
}

/**
 * The one error of the relay boundary. Its message goes to the client as is, so it may name the upstream
 * host but never a path, query, header value or body.
 */
export class RelayError extends Error {
  readonly code: RelayErrorCode;
  readonly status: number;
  readonly details: RelayErrorDetails;

  constructor(code: RelayErrorCode, message: string, details: RelayErrorDetails = {}) {
    super(message);
    this.name = 'RelayError';
    this.code = code;
    this.status = relayErrorStatus[code];
    this.details = details;
  }

  /** The OpenAI-shaped body: `{ error: { code, message, type } }`. */
  toJSON(): RelayErrorBody {
    return { error: { code: this.code, message: this.message, type: relayErrorType } };
  }
}

/** The outcome of a check that may refuse: the value, or the error to answer with. */
export type RelayResult<T> = { success: true; value: T } | { success: false; error: RelayError };

/** A passed check. */
export const passed = <T>(value: T): RelayResult<T> => ({ success: true, value });

/** A refused check. */
export const refused = <T>(code: RelayErrorCode, message: string, details?: RelayErrorDetails): RelayResult<T> => ({
  success: false,
  error: new RelayError(code, message, details),
});
