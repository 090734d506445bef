import { mcpRelayPathPrefix } from '@hearth/schema';
import { startFakeMcpServer } from '@hearth/testkit';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport, StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { RelayOptions } from './relay-contract.ts';
import { defaultRelayTimeouts } from './relay-defaults.ts';
import { type RelayHarness, startRelay } from './test/relay-harness.ts';
import { startSentinel } from './test/sentinel.ts';

// QUALITY 33: the MCP relay passes the relay's lines too. It is the LLM relay's gate and exchange with MCP's
// headers, so these tests check what MCP adds (a session across requests, the GET stream, DELETE, the bearer
// token, cancellation) and that the gate's checks hold at its address (token, address guard, privacy).

const open: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

async function setUp(
  options: { relay?: Partial<RelayOptions>; token?: string; allow?: boolean; logLines?: string[] } = {},
) {
  const mcp = await startFakeMcpServer({
    cors: false,
    ...(options.token === undefined ? {} : { token: options.token }),
  });
  open.push(mcp);
  const lines = options.logLines;
  const relay = await startRelay({
    relay: { allowPrivate: options.allow === false ? [] : [`127.0.0.1:${new URL(mcp.url).port}`], ...options.relay },
    ...(lines === undefined
      ? {}
      : {
          fastify: {
            logger: {
              level: 'trace',
              stream: { write: (line: string) => lines.push(line) },
              serializers: { req: (req) => ({ method: req.method }), res: (res) => ({ statusCode: res.statusCode }) },
            },
          },
        }),
  });
  open.push(relay);
  return { mcp, relay };
}

function relayedClient(options: { relay: RelayHarness; upstream: string; headers?: Record<string, string> }) {
  const transport = new StreamableHTTPClientTransport(new URL(`${options.relay.origin}${mcpRelayPathPrefix}`), {
    requestInit: { headers: { 'x-relay-upstream': options.upstream, ...options.headers } },
  });
  const client = new Client({ name: 'relay-test', version: '1.0.0' });
  open.push(client);
  return { client, transport };
}

const textOf = (result: Awaited<ReturnType<Client['callTool']>>) =>
  (result.content as { text?: string }[])[0]?.text ?? '';

describe('the MCP relay', () => {
  it('carries a Streamable HTTP session to a server that refuses CORS: session id, calls, DELETE', async () => {
    const { mcp, relay } = await setUp({ token: 'mcp-bearer' });
    const { client, transport } = relayedClient({
      relay,
      upstream: mcp.url,
      headers: { authorization: 'Bearer mcp-bearer', cookie: 'session=app' },
    });
    await client.connect(transport);
    expect(transport.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await client.listTools()).tools.map((tool) => tool.name)).toContain('add');
    expect(textOf(await client.callTool({ name: 'add', arguments: { a: 20, b: 22 } }))).toBe('42');
    // Every request after initialize named the session the server gave, so they all reached one session.
    expect(mcp.sessionCount).toBe(1);
    const posts = mcp.requests.filter((request) => request.method === 'POST');
    expect(posts.slice(1).every((request) => request.headers['mcp-session-id'] === transport.sessionId)).toBe(true);
    expect(mcp.requests.every((request) => request.headers.cookie === undefined)).toBe(true);
    expect(mcp.requests.every((request) => request.headers['x-relay-upstream'] === undefined)).toBe(true);
    // The SDK opens the GET stream for server messages after initialize; it goes through too.
    await expect.poll(() => mcp.requests.some((request) => request.method === 'GET')).toBe(true);
    await transport.terminateSession();
    await expect.poll(() => mcp.sessionCount).toBe(0);
  });

  it('passes a cancellation through: the slow tool stops on the server', async () => {
    const { mcp, relay } = await setUp();
    const { client, transport } = relayedClient({ relay, upstream: mcp.url });
    await client.connect(transport);
    const abort = new AbortController();
    const call = client.callTool({ name: 'slow', arguments: {} }, undefined, { signal: abort.signal });
    await expect.poll(() => mcp.runs.slowStarted).toBe(1);
    abort.abort();
    await expect(call).rejects.toThrow();
    await expect.poll(() => mcp.runs.slowAborted).toBe(1);
  });

  it("passes the MCP server's own 401 back, unlike the relay's token error", async () => {
    const { mcp, relay } = await setUp({ token: 'mcp-bearer' });
    const { client, transport } = relayedClient({ relay, upstream: mcp.url });
    const failure = await client.connect(transport).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StreamableHTTPError);
    expect((failure as StreamableHTTPError).code).toBe(401);
  });

  it('refuses a missing relay token with 401 before any upstream call', async () => {
    const { mcp, relay } = await setUp({ relay: { token: 'relay-token-of-at-least-24-chars' } });
    const response = await fetch(`${relay.origin}${mcpRelayPathPrefix}`, {
      method: 'POST',
      headers: {
        'x-relay-upstream': mcp.url,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: '{}',
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('x-relay-error')).toBe('invalid_relay_token');
    expect(mcp.requests).toHaveLength(0);
  });

  it('appends nothing to the MCP URL: a query after its address is refused, a path is no route', async () => {
    const { mcp, relay } = await setUp();
    const post = (suffix: string) =>
      fetch(`${relay.origin}${mcpRelayPathPrefix}${suffix}`, {
        method: 'POST',
        headers: { 'x-relay-upstream': mcp.url },
      });
    const withQuery = await post('?session=1');
    expect(withQuery.status).toBe(400);
    expect(withQuery.headers.get('x-relay-error')).toBe('invalid_path');
    expect((await post('/extra')).status).toBe(404);
    expect(mcp.requests).toHaveLength(0);
  });

  describe('the address guard', () => {
    it.each([
      ['dotted', (port: number) => `http://127.0.0.1:${port}/mcp`],
      ['decimal', (port: number) => `http://2130706433:${port}/mcp`],
      ['hex', (port: number) => `http://0x7f000001:${port}/mcp`],
      ['short', (port: number) => `http://127.1:${port}/mcp`],
      ['a name resolving to loopback', (port: number) => `http://localhost:${port}/mcp`],
    ])('refuses loopback spelled %s with 403 and no connection', async (_spelling, target) => {
      const sentinel = await startSentinel();
      open.push(sentinel);
      const { relay } = await setUp({ allow: false });
      const response = await fetch(`${relay.origin}${mcpRelayPathPrefix}`, {
        method: 'POST',
        headers: { 'x-relay-upstream': target(sentinel.port), 'content-type': 'application/json' },
        body: '{}',
      });
      expect(response.status).toBe(403);
      expect(response.headers.get('x-relay-error')).toBe('forbidden_address');
      expect(sentinel.connections).toBe(0);
    });
  });

  it('logs no bearer token, argument, session id or upstream URL', async () => {
    const logLines: string[] = [];
    const canaries = { bearer: 'mcp-canary-bearer-81ce', argument: 'canary-argument-2f9b' };
    const { mcp, relay } = await setUp({
      token: canaries.bearer,
      logLines,
      relay: { timeouts: { ...defaultRelayTimeouts, idleMs: 400 } },
    });
    const { client, transport } = relayedClient({
      relay,
      upstream: mcp.url,
      headers: { authorization: `Bearer ${canaries.bearer}` },
    });
    await client.connect(transport);
    await client.callTool({ name: 'big', arguments: { bytes: 10, note: canaries.argument } });
    const sessionId = transport.sessionId ?? 'no session';
    await transport.terminateSession();
    await client.close();
    // A refused request too: an error path must not quote what it refused.
    await fetch(`${relay.origin}${mcpRelayPathPrefix}`, {
      method: 'POST',
      headers: { 'x-relay-upstream': `${mcp.url}?${canaries.argument}=1`, authorization: `Bearer ${canaries.bearer}` },
      body: canaries.argument,
    });
    await expect.poll(() => logLines.length).toBeGreaterThan(0);
    const log = logLines.join('\n');
    for (const secret of [canaries.bearer, canaries.argument, sessionId, new URL(mcp.url).pathname]) {
      expect(log).not.toContain(secret);
    }
  });
});
