import type { LookupFunction } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from '../config/server-config.ts';
import { registerMcpStdio } from '../mcp-stdio/register-mcp-stdio.ts';
import { readStdioServersConfig } from '../mcp-stdio/stdio-servers-config.ts';
import type { ServerMetrics } from '../metrics/server-metrics.ts';
import { registerRelay } from '../relay/register-relay.ts';
import { StartupError } from '../startup-error.ts';

/** Registers the relay with the configured options, reporting to the server's metrics. */
export async function mountRelay(
  app: FastifyInstance,
  options: { config: ServerConfig; metrics: ServerMetrics; lookup: LookupFunction | undefined },
): Promise<void> {
  const { config, metrics, lookup } = options;
  try {
    await registerRelay(
      app,
      config.relay,
      lookup === undefined ? { metrics: metrics.relay } : { metrics: metrics.relay, lookup },
    );
  } catch (error) {
    // The configuration is validated before this, so only an entry the relay reads differently gets here.
    throw new StartupError(
      'relay_options_invalid',
      `The relay refused its settings: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  // The operator's stdio MCP servers, offered beside the MCP relay (relay-only mode included).
  if (config.mcpStdioConfig !== undefined) {
    const servers = readStdioServersConfig(config.mcpStdioConfig);
    await registerMcpStdio(app, { servers, relay: config.relay });
  }
}
