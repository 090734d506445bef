import { z } from 'zod/mini';

/**
 * Every error the relay itself answers with, and its HTTP status. An upstream's own errors are not here:
 * they pass through with the upstream's status and body.
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
export const relayErrorCodes = Object.freeze(Object.keys(relayErrorStatus)) as readonly [
  RelayErrorCode,
  ...RelayErrorCode[],
];

export const relayErrorCodeSchema = z.enum(relayErrorCodes);

/** The `type` of every error body the relay writes, so a client can tell it from an upstream's error. */
export const relayErrorType = 'relay_error';

/**
 * The relay's error, in OpenAI's shape so that SDKs read it like any API error: the body of its own
 * 4xx/5xx answers and the `data` of the `event: error` that ends a stream it had to cut.
 */
export const relayErrorBodySchema = z.object({
  error: z.object({
    code: relayErrorCodeSchema,
    message: z.string(),
    type: z.literal(relayErrorType),
  }),
});
export type RelayErrorBody = z.infer<typeof relayErrorBodySchema>;
