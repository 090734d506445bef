import { mcpRelayPathPrefix } from '@hearth/schema';
import { forwardedRequestHeaders } from './outbound-headers.ts';
import { relayPrefix } from './relay-contract.ts';

/**
 * What differs between the LLM relay and the MCP relay; everything else (token, rate limit, address guard,
 * limits, timeouts, streaming, privacy) is one code path and one gate for both.
 */
export interface RelayProfile {
  prefix: string;
  /** Whether a path after the prefix is appended to the upstream (LLM) or refused (MCP: the URL is whole). */
  appendsPath: boolean;
  /** Client headers that reach the upstream. */
  forwardedHeaders: readonly string[];
  /** Upstream response headers passed back besides the LLM relay's own list. */
  extraResponseHeaders: readonly string[];
}

export const llmRelayProfile: RelayProfile = Object.freeze({
  prefix: relayPrefix,
  appendsPath: true,
  forwardedHeaders: forwardedRequestHeaders,
  extraResponseHeaders: [],
});

/**
 * MCP's Streamable HTTP: the session and protocol version headers both ways, `Last-Event-ID` to resume a
 * stream, the server's bearer token (`authorization`, or `x-api-key` for servers that want that) and
 * `WWW-Authenticate` so the app can tell a refused token from anything else.
 */
export const mcpRelayProfile: RelayProfile = Object.freeze({
  prefix: mcpRelayPathPrefix,
  appendsPath: false,
  forwardedHeaders: Object.freeze([
    'accept',
    'authorization',
    'content-type',
    'last-event-id',
    'mcp-protocol-version',
    'mcp-session-id',
    'user-agent',
    'x-api-key',
  ]),
  extraResponseHeaders: Object.freeze(['mcp-protocol-version', 'mcp-session-id', 'www-authenticate']),
});
