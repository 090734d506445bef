import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

/** Upstream response headers a client of an LLM API uses; any other header is dropped. */
export const passedResponseHeaders: readonly string[] = Object.freeze([
  'cache-control',
  'content-encoding',
  'content-length',
  'content-type',
  'request-id',
  'retry-after',
  'retry-after-ms',
  'x-request-id',
]);

/** Prefixes of rate-limit and provider bookkeeping headers that are passed too. */
export const passedResponseHeaderPrefixes: readonly string[] = Object.freeze(['anthropic-', 'openai-', 'x-ratelimit-']);

/**
 * Sent on every relay response. An upstream's HTML (or anything else) can never run as the app's origin:
 * no sniffing, a sandbox with no sources, no embedding elsewhere.
 */
export const securityHeaders: Readonly<OutgoingHttpHeaders> = Object.freeze({
  'x-content-type-options': 'nosniff',
  'content-security-policy': "sandbox; default-src 'none'",
  'cross-origin-resource-policy': 'same-origin',
});

const passed = new Set(passedResponseHeaders);
const passesByPrefix = (name: string) => {
  for (const prefix of passedResponseHeaderPrefixes) if (name.startsWith(prefix)) return true;
  return false;
};

/**
 * The client-facing headers of an upstream response: allow-listed headers only (never Set-Cookie,
 * hop-by-hop, HSTS or Alt-Svc), minus any the upstream named in `Connection`, plus the security headers.
 * `keepLength: false` drops Content-Length, for a body the relay may end with an error event of its own.
 */
export function relayResponseHeaders(
  upstream: IncomingHttpHeaders,
  options: { keepLength: boolean; extra?: ReadonlySet<string> },
): OutgoingHttpHeaders {
  // Runs for every answer: one pass over the upstream's headers, and the Connection list only if it has one.
  const connection =
    upstream.connection === undefined
      ? undefined
      : new Set(upstream.connection.split(',').map((token) => token.trim().toLowerCase()));
  const headers: OutgoingHttpHeaders = {};
  for (const name in upstream) {
    const value = upstream[name];
    const passes = passed.has(name) || passesByPrefix(name) || options.extra?.has(name) === true;
    if (value === undefined || !passes || connection?.has(name)) continue;
    if (name === 'content-length' && !options.keepLength) continue;
    headers[name] = value;
  }
  // LLM answers are private and never worth caching, unless the upstream says otherwise.
  headers['cache-control'] ??= 'no-store';
  return Object.assign(headers, securityHeaders);
}
