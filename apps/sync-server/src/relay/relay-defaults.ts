import type { RelayOptions, RelayTimeouts } from './relay-contract.ts';

// The server's config (environment variables and flags) falls back to these, so the relay and the server
// can never disagree about a default. docs/relay.md explains each choice.

/** RELAY_MAX_REQUEST_BYTES: room for a vision request with a few base64 images. */
export const defaultMaxRequestBytes = 16 * 1024 * 1024;
/** RELAY_MAX_RESPONSE_BYTES: far above the longest streamed answer (100k tokens is about 25 MB of SSE). */
export const defaultMaxResponseBytes = 64 * 1024 * 1024;
/** RELAY_CONNECT_TIMEOUT_MS: DNS, TCP and TLS together. */
export const defaultConnectTimeoutMs = 10_000;
/** RELAY_FIRST_BYTE_TIMEOUT_MS: a non-streaming call to a reasoning model answers only when it is done. */
export const defaultFirstByteTimeoutMs = 300_000;
/** RELAY_IDLE_TIMEOUT_MS: some providers send nothing while a model reasons, for minutes. */
export const defaultIdleTimeoutMs = 300_000;
/** RELAY_TOTAL_TIMEOUT_MS: the longest whole exchange. */
export const defaultTotalTimeoutMs = 1_800_000;
/** RELAY_REQUESTS_PER_MINUTE: a busy person plus title generation stays far below it; 0 switches it off. */
export const defaultRequestsPerMinute = 120;

/** The four timeouts when none is configured. */
export const defaultRelayTimeouts: Readonly<RelayTimeouts> = Object.freeze({
  connectMs: defaultConnectTimeoutMs,
  firstByteMs: defaultFirstByteTimeoutMs,
  idleMs: defaultIdleTimeoutMs,
  totalMs: defaultTotalTimeoutMs,
});

/** Every relay option when nothing is configured: no token, any public host, no private target, no CORS. */
export const defaultRelayOptions: Readonly<RelayOptions> = Object.freeze({
  token: undefined,
  allowedHosts: Object.freeze([]),
  allowPrivate: Object.freeze([]),
  maxRequestBytes: defaultMaxRequestBytes,
  maxResponseBytes: defaultMaxResponseBytes,
  timeouts: defaultRelayTimeouts,
  requestsPerMinute: defaultRequestsPerMinute,
  corsOrigins: Object.freeze([]),
});
