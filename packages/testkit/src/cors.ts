import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';

const allowedMethods = 'GET, POST, OPTIONS';
// Authorization is never covered by `Access-Control-Allow-Headers: *`, so it is named explicitly.
const alwaysAllowedHeaders = ['authorization', 'content-type'];

/** The CORS headers of an actual (non-preflight) answer; none at all when CORS is off. */
export function corsHeaders(options: { cors: boolean }): OutgoingHttpHeaders {
  if (!options.cors) return {};
  return { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'x-request-id' };
}

/** The headers of a preflight answer: methods and every requested header allowed, or nothing when CORS is off. */
export function preflightHeaders(options: { cors: boolean; req: IncomingMessage }): OutgoingHttpHeaders {
  const allow = { allow: allowedMethods };
  if (!options.cors) return allow;
  const requested = (options.req.headers['access-control-request-headers'] ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  const headers = [...new Set([...alwaysAllowedHeaders, ...requested])];
  return {
    ...allow,
    ...corsHeaders(options),
    'access-control-allow-methods': allowedMethods,
    'access-control-allow-headers': headers.join(', '),
  };
}
