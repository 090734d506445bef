import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport, StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeMcpServer, startFakeMcpServer } from './fake-mcp-server.ts';
import { fakeMcpCatalog } from './mcp-catalog.ts';
import { stdioMcpServerScript } from './stdio-mcp-script.ts';

const started: FakeMcpServer[] = [];
const clients: Client[] = [];
afterEach(async () => {
  await Promise.allSettled(clients.splice(0).map((client) => client.close()));
  await Promise.allSettled(started.splice(0).map((server) => server.close()));
});

async function serve(options: Parameters<typeof startFakeMcpServer>[0] = {}) {
  const server = await startFakeMcpServer(options);
  started.push(server);
  return server;
}

async function connect(transport: Parameters<Client['connect']>[0]) {
  const client = new Client({ name: 'testkit-test', version: '1.0.0' });
  clients.push(client);
  await client.connect(transport);
  return client;
}

function textOf(result: Awaited<ReturnType<Client['callTool']>>): string {
  const [first] = result.content as { type: string; text?: string }[];
  return first?.text ?? '';
}

describe('the fake MCP server (Streamable HTTP)', () => {
  it('lists its tools, resource and prompt and runs the tools', async () => {
    const server = await serve();
    const client = await connect(new StreamableHTTPClientTransport(new URL(server.url)));
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([...fakeMcpCatalog.tools].sort());
    expect(tools.find((tool) => tool.name === 'add')?.inputSchema.properties).toHaveProperty('a');
    expect((await client.listResources()).resources.map((r) => r.uri)).toEqual([fakeMcpCatalog.resource.uri]);
    expect((await client.listPrompts()).prompts.map((p) => p.name)).toEqual([fakeMcpCatalog.prompt]);
    expect(textOf(await client.callTool({ name: 'add', arguments: { a: 2, b: 40 } }))).toBe('42');
    const failed = await client.callTool({ name: 'fail', arguments: {} });
    expect(failed.isError).toBe(true);
    expect(textOf(failed)).toBe(fakeMcpCatalog.failMessage);
    expect(textOf(await client.callTool({ name: 'big', arguments: { bytes: 2_000_000 } }))).toHaveLength(2_000_000);
    expect(server.sessionCount).toBe(1);
  });

  it('stops the slow tool when the caller aborts', async () => {
    const server = await serve();
    const client = await connect(new StreamableHTTPClientTransport(new URL(server.url)));
    const abort = new AbortController();
    const call = client.callTool({ name: 'slow', arguments: {} }, undefined, { signal: abort.signal });
    await expect.poll(() => server.runs.slowStarted).toBe(1);
    abort.abort();
    await expect(call).rejects.toThrow();
    await expect.poll(() => server.runs.slowAborted).toBe(1);
  });

  it('refuses a request without the bearer token with a 401, and serves one with it', async () => {
    const server = await serve({ token: 'secret-token' });
    const refused = connect(new StreamableHTTPClientTransport(new URL(server.url)));
    await expect(refused).rejects.toSatisfy((error) => error instanceof StreamableHTTPError && error.code === 401);
    const client = await connect(
      new StreamableHTTPClientTransport(new URL(server.url), {
        requestInit: { headers: { authorization: 'Bearer secret-token' } },
      }),
    );
    expect((await client.listTools()).tools).toHaveLength(fakeMcpCatalog.tools.length);
  });

  it('sends CORS headers, or withholds them', async () => {
    const open = await serve();
    const closed = await serve({ cors: false });
    const preflight = (url: string) =>
      fetch(url, {
        method: 'OPTIONS',
        headers: { origin: 'http://app.test', 'access-control-request-headers': 'mcp-session-id' },
      });
    const openAnswer = await preflight(open.url);
    expect(openAnswer.headers.get('access-control-allow-origin')).toBe('*');
    expect(openAnswer.headers.get('access-control-allow-headers')).toContain('mcp-session-id');
    expect((await preflight(closed.url)).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the fake MCP server (older HTTP+SSE)', () => {
  it('lists and calls tools over the SSE transport', async () => {
    const server = await serve();
    const client = await connect(new SSEClientTransport(new URL(server.sseUrl)));
    expect((await client.listTools()).tools.map((tool) => tool.name)).toContain('add');
    expect(textOf(await client.callTool({ name: 'add', arguments: { a: 1, b: 1 } }))).toBe('2');
  });
});

describe('the stdio MCP server script', () => {
  it('speaks MCP on stdin and stdout', async () => {
    const client = await connect(
      new StdioClientTransport({ command: process.execPath, args: ['--import', 'tsx', stdioMcpServerScript, 'notes'] }),
    );
    expect(client.getServerVersion()?.name).toBe('notes');
    expect(textOf(await client.callTool({ name: 'add', arguments: { a: 3, b: 4 } }))).toBe('7');
  });
});
