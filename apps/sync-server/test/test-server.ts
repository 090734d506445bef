import type { LookupFunction } from 'node:net';
import { parseConfig } from '../src/config/parse-config.ts';
import type { ServerConfig } from '../src/config/server-config.ts';
import { createServer, type HearthServer } from '../src/server/create-server.ts';
import { LogCollector } from './log-collector.ts';

/** A configuration from test flags and environment, on a free loopback port unless they say otherwise. */
export function testConfig(sources: { argv?: string[]; env?: Record<string, string>; cwd?: string }): ServerConfig {
  const parsed = parseConfig({
    argv: sources.argv ?? [],
    env: { PORT: '0', LOG_LEVEL: 'trace', ...sources.env },
    cwd: sources.cwd ?? process.cwd(),
  });
  if (!parsed.success) throw new Error(parsed.issues.map((issue) => issue.message).join('\n'));
  return parsed.value;
}

/** A server listening on a real socket, with its log lines collected. */
export interface RunningTestServer {
  server: HearthServer;
  url: string;
  logs: LogCollector;
  close(): Promise<void>;
}

/** Creates and starts a server; `close()` stops it. */
export async function startTestServer(options: {
  config: ServerConfig;
  relayLookup?: LookupFunction;
  now?: () => number;
}): Promise<RunningTestServer> {
  const logs = new LogCollector();
  const server = await createServer({
    config: options.config,
    logDestination: logs,
    ...(options.relayLookup === undefined ? {} : { relayLookup: options.relayLookup }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  const { url } = await server.listen();
  return { server, url, logs, close: () => server.close() };
}
