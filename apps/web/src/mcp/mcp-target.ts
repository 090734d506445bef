import type { RelayEndpoint } from '@hearth/core';
import {
  type McpServerFields,
  type McpTransport,
  mcpRelayPathPrefix,
  mcpStdioPathPrefix,
  relayTokenHeader,
  relayUpstreamHeader,
} from '@hearth/schema';
import type { McpServerSecret } from '../db/mcp-servers-repository.ts';

/** Where and how to reach one MCP server from this page: the URL to speak to and the headers to send. */
export interface McpTarget {
  url: string;
  headers: Record<string, string>;
  transport: McpTransport;
  viaRelay: boolean;
}

const relayBase = (relay: RelayEndpoint) => relay.url.replace(/\/+$/, '');
const relayTokenHeaders = (relay: RelayEndpoint): Record<string, string> =>
  relay.token === undefined ? {} : { [relayTokenHeader]: relay.token };

/** A server the person added: straight to its URL, or to the MCP relay naming its URL. */
export function mcpTargetOf(options: {
  server: Pick<McpServerFields, 'url' | 'transport' | 'connection'>;
  secret: McpServerSecret;
  relay: RelayEndpoint;
}): McpTarget {
  const { server, secret, relay } = options;
  const own: Record<string, string> = { ...secret.headers };
  if (secret.bearerToken !== '') own.authorization = `Bearer ${secret.bearerToken}`;
  if (server.connection === 'direct') {
    return { url: server.url.trim(), headers: own, transport: server.transport, viaRelay: false };
  }
  return {
    url: `${relayBase(relay)}${mcpRelayPathPrefix}`,
    headers: { ...own, [relayUpstreamHeader]: server.url.trim(), ...relayTokenHeaders(relay) },
    // The relay carries Streamable HTTP only: the older SSE transport posts to a URL its stream names.
    transport: 'streamable-http',
    viaRelay: true,
  };
}

/** A stdio server the operator configured on the server, by its name. */
export function stdioTargetOf(options: { name: string; relay: RelayEndpoint }): McpTarget {
  return {
    url: `${relayBase(options.relay)}${mcpStdioPathPrefix}/${encodeURIComponent(options.name)}`,
    headers: relayTokenHeaders(options.relay),
    transport: 'streamable-http',
    viaRelay: true,
  };
}
