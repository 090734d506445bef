import { type McpOutcome, withMcpSession } from './mcp-session.ts';
import type { McpTarget } from './mcp-target.ts';

/** What an MCP server offers, as the settings list it. */
export interface McpServerInventory {
  serverName: string | undefined;
  tools: { name: string; description?: string | undefined }[];
  resources: { name: string; uri: string }[];
  prompts: { name: string; description?: string | undefined }[];
}

/** The health check: connects, lists tools, resources and prompts (those the server says it has), disconnects. */
export function inspectMcpServer(target: McpTarget): Promise<McpOutcome<McpServerInventory>> {
  return withMcpSession(target, async (client, options) => {
    const capabilities = client.getServerCapabilities() ?? {};
    const [tools, resources, prompts] = await Promise.all([
      capabilities.tools ? client.listTools(undefined, options) : undefined,
      capabilities.resources ? client.listResources(undefined, options) : undefined,
      capabilities.prompts ? client.listPrompts(undefined, options) : undefined,
    ]);
    return {
      serverName: client.getServerVersion()?.name,
      tools: (tools?.tools ?? []).map(({ name, description }) => ({ name, description })),
      resources: (resources?.resources ?? []).map(({ name, uri }) => ({ name, uri })),
      prompts: (prompts?.prompts ?? []).map(({ name, description }) => ({ name, description })),
    };
  });
}
