/**
 * Every error the relay itself answers with, and its HTTP status. Upstream errors are not here: they pass
 * through with the upstream's own status and body.
 */
export const relayErrorStatus = {
  missing_upstream: 400,
  invalid_upstream: 400,
  unsupported_scheme: 400,
  invalid_header: 400,
  invalid_path: 400,
  invalid_relay_token: 401,
  host_not_allowed: 403,
  forbidden_address: 403,
  request_too_large: 413,
  rate_limited: 429,
  internal_error: 500,
  upstream_redirect: 502,
  upstream_unreachable: 502,
  upstream_closed: 502,
  response_too_large: 502,
  upstream_timeout: 504,
} as const;

/** A relay error code. */
export type RelayErrorCode = keyof typeof relayErrorStatus;

/** Every relay error code, in the order of the table above. */
export const relayErrorCodes = Object.freeze(Object.keys(relayErrorStatus) as RelayErrorCode[]);

/** The `type` of every error body the relay writes, so a client can tell it from an upstream's error. */
export const relayErrorType = 'relay_error';

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
  toJSON(): { error: { code: RelayErrorCode; message: string; type: typeof relayErrorType } } {
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
