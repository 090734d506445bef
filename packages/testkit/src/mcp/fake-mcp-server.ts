import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { createFakeMcpServer, type McpToolRuns } from './mcp-catalog.ts';
import { mcpCorsHeaders, mcpPreflightHeaders } from './mcp-cors.ts';

/** How the fake MCP server behaves. */
export interface FakeMcpServerOptions {
  /** Send CORS headers (default true); false makes a browser refuse to read its answers. */
  cors?: boolean;
  /** When set, every request but a preflight needs `Authorization: Bearer <token>`, or gets a 401. */
  token?: string;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The server name it reports in `initialize`. */
  name?: string;
}

/** One request the fake received: what tests check about what reached it (never bodies). */
export interface McpRecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

/** A running fake MCP server: Streamable HTTP at `/mcp`, the older HTTP+SSE transport at `/sse`. */
export interface FakeMcpServer {
  readonly origin: string;
  /** `<origin>/mcp`, the Streamable HTTP endpoint. */
  readonly url: string;
  /** `<origin>/sse`, the older HTTP+SSE transport's stream (it posts to `/messages`). */
  readonly sseUrl: string;
  readonly requests: readonly McpRecordedRequest[];
  readonly runs: Readonly<McpToolRuns>;
  /** Open Streamable HTTP sessions. */
  readonly sessionCount: number;
  /** Stops listening, closes every session and destroys open sockets. */
  close(): Promise<void>;
}

const bodyLimitBytes = 16 * 1024 * 1024;

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > bodyLimitBytes) throw new Error('body too large');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : JSON.parse(text);
}

/** Starts a real MCP server (the official SDK's transports) with the fake's tools, resource and prompt. */
export async function startFakeMcpServer(options: FakeMcpServerOptions = {}): Promise<FakeMcpServer> {
  const { cors = true, token, host = '127.0.0.1', port = 0, name = 'fake-mcp' } = options;
  const runs: McpToolRuns = { slowStarted: 0, slowAborted: 0 };
  const requests: McpRecordedRequest[] = [];
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  const sseSessions = new Map<string, SSEServerTransport>();
  const openResponses = new Set<ServerResponse>();

  async function streamable(req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void> {
    const sessionId = req.headers['mcp-session-id'];
    const existing = typeof sessionId === 'string' ? sessions.get(sessionId) : undefined;
    if (existing) return existing.handleRequest(req, res, body);
    if (sessionId !== undefined || req.method !== 'POST' || !isInitializeRequest(body)) {
      res.writeHead(sessionId === undefined ? 400 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message: 'No such session' }, id: null }));
      return;
    }
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        sessions.set(id, transport);
      },
    });
    transport.onclose = () => {
      if (transport.sessionId !== undefined) sessions.delete(transport.sessionId);
    };
    await createFakeMcpServer({ name, runs }).connect(transport);
    await transport.handleRequest(req, res, body);
  }

  async function olderSse(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method === 'GET' && url.pathname === '/sse') {
      const transport = new SSEServerTransport('/messages', res);
      sseSessions.set(transport.sessionId, transport);
      res.once('close', () => sseSessions.delete(transport.sessionId));
      await createFakeMcpServer({ name, runs }).connect(transport);
      return;
    }
    const transport = sseSessions.get(url.searchParams.get('sessionId') ?? '');
    if (!transport) {
      res.writeHead(404).end('No such session');
      return;
    }
    await transport.handlePostMessage(req, res, await readJson(req));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    requests.push({ method: req.method ?? '', path: url.pathname, headers: req.headers });
    if (req.method === 'OPTIONS') {
      res.writeHead(204, mcpPreflightHeaders({ cors, req })).end();
      return;
    }
    for (const [header, value] of Object.entries(mcpCorsHeaders(cors))) res.setHeader(header, value as string);
    if (token !== undefined && req.headers.authorization !== `Bearer ${token}`) {
      res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' });
      res.end(JSON.stringify({ error: 'invalid_token', error_description: 'A valid bearer token is required' }));
      return;
    }
    if (url.pathname === '/mcp') {
      await streamable(req, res, req.method === 'POST' ? await readJson(req) : undefined);
    } else if (url.pathname === '/sse' || url.pathname === '/messages') {
      await olderSse(req, res, url);
    } else {
      res.writeHead(404).end('Not found');
    }
  }

  const server = createServer((req, res) => {
    openResponses.add(res);
    res.once('close', () => openResponses.delete(res));
    handle(req, res).catch((error: unknown) => {
      console.error('fake MCP server failed to answer', error);
      if (res.headersSent) res.destroy();
      else res.writeHead(500, { 'content-type': 'text/plain' }).end('fake MCP server error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  let closed: Promise<void> | undefined;

  return {
    origin,
    url: `${origin}/mcp`,
    sseUrl: `${origin}/sse`,
    get requests() {
      return [...requests];
    },
    runs,
    get sessionCount() {
      return sessions.size;
    },
    close() {
      closed ??= (async () => {
        await Promise.allSettled([...sessions.values(), ...sseSessions.values()].map((t) => t.close()));
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        for (const res of openResponses) res.destroy();
        server.closeAllConnections();
        await stopped;
      })();
      return closed;
    },
  };
}
