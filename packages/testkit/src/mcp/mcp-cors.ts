import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';

const allowedMethods = 'GET, POST, DELETE, OPTIONS';
// The headers MCP clients send; named explicitly since `*` never covers Authorization.
const mcpRequestHeaders = [
  'authorization',
  'content-type',
  'accept',
  'mcp-session-id',
  'mcp-protocol-version',
  'last-event-id',
];

/** CORS headers of an answer: the session id must be exposed or a browser client cannot continue a session. */
export function mcpCorsHeaders(cors: boolean): OutgoingHttpHeaders {
  if (!cors) return {};
  return {
    'access-control-allow-origin': '*',
    'access-control-expose-headers': 'mcp-session-id, mcp-protocol-version',
  };
}

/** A preflight's headers; with CORS off, only `allow`, which a browser reads as a refusal. */
export function mcpPreflightHeaders(options: { cors: boolean; req: IncomingMessage }): OutgoingHttpHeaders {
  if (!options.cors) return { allow: allowedMethods };
  const requested = (options.req.headers['access-control-request-headers'] ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  return {
    allow: allowedMethods,
    ...mcpCorsHeaders(true),
    'access-control-allow-methods': allowedMethods,
    'access-control-allow-headers': [...new Set([...mcpRequestHeaders, ...requested])].join(', '),
    'access-control-max-age': '600',
  };
}
