import { mcpStdioListSchema, mcpStdioPathPrefix, relayTokenHeader } from '@hearth/schema';
import { getMcpSecret, getMcpServer } from '../db/mcp-servers-repository.ts';
import type { Storage } from '../db/storage.ts';
import type { McpServerInventory } from '../mcp/inspect-mcp-server.ts';
import type { McpOutcome } from '../mcp/mcp-session.ts';
import { mcpTargetOf, stdioTargetOf } from '../mcp/mcp-target.ts';
import { relayEndpoint } from './relay-settings.ts';

// The MCP client is loaded only when a server is tested or called, never with the first page.
const loadInspect = () => import('../mcp/inspect-mcp-server.ts');

/**
 * The health check of a server the person added, as stored now (a switch to the relay a moment ago included),
 * with its device-local token and headers.
 */
export async function testMcpServer(storage: Storage, id: string): Promise<McpOutcome<McpServerInventory> | undefined> {
  const [server, secret, relay, { inspectMcpServer }] = await Promise.all([
    getMcpServer(storage.db, id),
    getMcpSecret(storage.db, id),
    relayEndpoint(storage),
    loadInspect(),
  ]);
  return server === undefined ? undefined : inspectMcpServer(mcpTargetOf({ server, secret, relay }));
}

/** The health check of a stdio server the operator offers on the relay's server. */
export async function testStdioServer(storage: Storage, name: string): Promise<McpOutcome<McpServerInventory>> {
  const [relay, { inspectMcpServer }] = await Promise.all([relayEndpoint(storage), loadInspect()]);
  return inspectMcpServer(stdioTargetOf({ name, relay }));
}

/** The stdio servers the operator configured on the relay's server; none when it offers none or cannot say. */
export async function listOperatorStdioServers(storage: Storage): Promise<{ name: string; description?: string }[]> {
  const relay = await relayEndpoint(storage);
  try {
    const response = await fetch(`${relay.url.replace(/\/+$/, '')}${mcpStdioPathPrefix}`, {
      headers: relay.token === undefined ? {} : { [relayTokenHeader]: relay.token },
    });
    if (!response.ok) return [];
    const parsed = mcpStdioListSchema.safeParse(await response.json());
    return parsed.success
      ? parsed.data.servers.map(({ name, description }) =>
          description === undefined ? { name } : { name, description },
        )
      : [];
  } catch {
    return [];
  }
}
