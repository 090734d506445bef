import type { OutgoingHttpHeaders } from 'node:http';
import { forwardedRequestHeaders } from './outbound-headers.ts';
import { relayTokenHeader, upstreamHeader } from './relay-contract.ts';

/** Methods a cross-origin page may relay. */
export const relayMethods: readonly string[] = Object.freeze(['DELETE', 'GET', 'PATCH', 'POST', 'PUT']);

// Authorization is never covered by a `*`, so every header is named.
const allowedHeaders = [upstreamHeader, relayTokenHeader, ...forwardedRequestHeaders].join(', ');

/** CORS headers of an actual response: only for an origin the operator listed, compared exactly. */
export function corsHeaders(options: {
  origin: string | undefined;
  allowed: ReadonlySet<string>;
}): OutgoingHttpHeaders {
  const { origin, allowed } = options;
  if (origin === undefined || !allowed.has(origin)) return {};
  // `*` exposes every response header; the relay's callers never send credentials, where `*` would not apply.
  return { 'access-control-allow-origin': origin, 'access-control-expose-headers': '*', vary: 'origin' };
}

/** Headers of a preflight answer: the actual-response headers plus methods, headers and a cache time. */
export function preflightHeaders(options: {
  origin: string | undefined;
  allowed: ReadonlySet<string>;
  /** The headers a client may send; the LLM relay's when absent. */
  forwardedHeaders?: readonly string[];
}): OutgoingHttpHeaders {
  const base = corsHeaders(options);
  if (Object.keys(base).length === 0) return {};
  const headers =
    options.forwardedHeaders === undefined
      ? allowedHeaders
      : [upstreamHeader, relayTokenHeader, ...options.forwardedHeaders].join(', ');
  return {
    ...base,
    'access-control-allow-methods': relayMethods.join(', '),
    'access-control-allow-headers': headers,
    'access-control-max-age': '600',
  };
}
