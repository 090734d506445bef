import { createServer } from 'node:net';
import { type FakeMcpServer, fakeMcpCatalog, startFakeMcpServer } from '@hearth/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callMcpTool } from './call-mcp-tool.ts';
import { inspectMcpServer } from './inspect-mcp-server.ts';
import { mcpTargetOf } from './mcp-target.ts';

// The app's MCP client (the official SDK, loaded lazily) against the testkit's real MCP server. CORS is a
// browser's rule, so refusals by CORS and the relay's path are checked in e2e/tests/mcp-servers.spec.ts.

let open: FakeMcpServer;
let guarded: FakeMcpServer;
const relay = { url: 'http://127.0.0.1:1' };
const noSecret = { bearerToken: '', headers: {} };

beforeAll(async () => {
  open = await startFakeMcpServer({ name: 'notes' });
  guarded = await startFakeMcpServer({ token: 'mcp-secret-token' });
});
afterAll(async () => {
  await open.close();
  await guarded.close();
});

const direct = (url: string, transport: 'streamable-http' | 'sse' = 'streamable-http') =>
  ({ url, transport, connection: 'direct' }) as const;

describe('the web MCP client', () => {
  it.each(['streamable-http', 'sse'] as const)('lists tools, resources and prompts over %s', async (transport) => {
    const url = transport === 'sse' ? open.sseUrl : open.url;
    const outcome = await inspectMcpServer(mcpTargetOf({ server: direct(url, transport), secret: noSecret, relay }));
    if (!outcome.success) throw new Error(`failed: ${outcome.problem.code}`);
    expect(outcome.value.serverName).toBe('notes');
    expect(outcome.value.tools.map((tool) => tool.name).sort()).toEqual([...fakeMcpCatalog.tools].sort());
    expect(outcome.value.resources).toEqual([{ name: 'welcome', uri: fakeMcpCatalog.resource.uri }]);
    expect(outcome.value.prompts.map((prompt) => prompt.name)).toEqual([fakeMcpCatalog.prompt]);
  });

  it('ends its session when done', async () => {
    await inspectMcpServer(mcpTargetOf({ server: direct(open.url), secret: noSecret, relay }));
    await expect.poll(() => open.sessionCount).toBe(0);
    expect(open.requests.some((request) => request.method === 'DELETE')).toBe(true);
  });

  it('calls a tool with arguments, and reports a tool error as the tool gave it', async () => {
    const target = mcpTargetOf({ server: direct(open.url), secret: noSecret, relay });
    expect(await callMcpTool({ target, name: 'add', arguments: { a: 19, b: 23 } })).toEqual({
      success: true,
      value: { text: '42', isError: false },
    });
    expect(await callMcpTool({ target, name: 'fail', arguments: {} })).toEqual({
      success: true,
      value: { text: fakeMcpCatalog.failMessage, isError: true },
    });
  });

  it('sends the bearer token kept on the device, and names a refused token', async () => {
    const server = direct(guarded.url);
    const refused = await inspectMcpServer(mcpTargetOf({ server, secret: noSecret, relay }));
    expect(refused).toEqual({ success: false, problem: { code: 'unauthorized', status: 401 } });
    const secret = { bearerToken: 'mcp-secret-token', headers: {} };
    expect((await inspectMcpServer(mcpTargetOf({ server, secret, relay }))).success).toBe(true);
  });

  it('names a server where nothing listens', async () => {
    const port = await freePort();
    const outcome = await inspectMcpServer(
      mcpTargetOf({ server: direct(`http://127.0.0.1:${port}/mcp`), secret: noSecret, relay }),
    );
    expect(outcome).toEqual({ success: false, problem: { code: 'nothing_listening' } });
  });
});

/** A port nothing listens on: one the system gave and took back. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
