import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mcpStdioListSchema, mcpStdioPathPrefix } from '@hearth/schema';
import { stdioMcpServerScript } from '@hearth/testkit';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRelayOptions } from '../relay/relay-defaults.ts';
import { StartupError } from '../startup-error.ts';
import { registerMcpStdio } from './register-mcp-stdio.ts';
import { readStdioServersConfig } from './stdio-servers-config.ts';

const relayToken = 'stdio-test-relay-token-0123456789';
let dir: string;
let app: FastifyInstance;
let origin: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hearth-mcp-stdio-'));
  const configPath = join(dir, 'mcp-stdio.json');
  await writeFile(
    configPath,
    JSON.stringify({
      servers: [
        {
          name: 'notes',
          description: 'Fake notes',
          command: process.execPath,
          args: ['--import', 'tsx', stdioMcpServerScript, 'operator-notes'],
        },
      ],
    }),
  );
  app = Fastify({ logger: false, forceCloseConnections: true });
  await registerMcpStdio(app, {
    servers: readStdioServersConfig(configPath),
    relay: { ...defaultRelayOptions, token: relayToken },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

describe('stdio MCP servers from the operator', () => {
  it('lists them by name and description, never their command', async () => {
    const response = await fetch(`${origin}${mcpStdioPathPrefix}`, { headers: { 'x-relay-token': relayToken } });
    const text = await response.text();
    expect(mcpStdioListSchema.parse(JSON.parse(text))).toEqual({
      servers: [{ name: 'notes', description: 'Fake notes' }],
    });
    expect(text).not.toContain('tsx');
  });

  it('bridges a Streamable HTTP session to a process of its own', async () => {
    const transport = new StreamableHTTPClientTransport(new URL(`${origin}${mcpStdioPathPrefix}/notes`), {
      requestInit: { headers: { 'x-relay-token': relayToken } },
    });
    const client = new Client({ name: 'stdio-test', version: '1.0.0' });
    try {
      await client.connect(transport);
      expect(client.getServerVersion()?.name).toBe('operator-notes');
      expect((await client.listTools()).tools.map((tool) => tool.name)).toContain('add');
      const result = await client.callTool({ name: 'add', arguments: { a: 5, b: 6 } });
      expect((result.content as { text: string }[])[0]?.text).toBe('11');
      await transport.terminateSession();
      // The session is gone with its process: its id is no longer known.
      const after = await fetch(`${origin}${mcpStdioPathPrefix}/notes`, {
        method: 'POST',
        headers: {
          'x-relay-token': relayToken,
          'mcp-session-id': transport.sessionId ?? 'ended',
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
        },
        body: JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'tools/list' }),
      });
      expect(after.status).toBe(404);
    } finally {
      await client.close();
    }
  });

  it('needs the relay token, and knows only the configured names', async () => {
    const noToken = await fetch(`${origin}${mcpStdioPathPrefix}/notes`, { method: 'POST' });
    expect(noToken.status).toBe(401);
    expect(noToken.headers.get('x-relay-error')).toBe('invalid_relay_token');
    const listNoToken = await fetch(`${origin}${mcpStdioPathPrefix}`);
    expect(listNoToken.status).toBe(401);
    const unknown = await fetch(`${origin}${mcpStdioPathPrefix}/bash`, {
      method: 'POST',
      headers: { 'x-relay-token': relayToken, 'content-type': 'application/json' },
      body: JSON.stringify({ command: 'rm -rf /' }),
    });
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('x-relay-error')).toBe('invalid_path');
  });
});

describe('readStdioServersConfig', () => {
  it.each([
    ['not JSON', '{'],
    ['no list', '{"servers": {}}'],
    ['a bad name', '{"servers": [{"name": "Bad Name", "command": "x"}]}'],
    ['a duplicate name', '{"servers": [{"name": "a", "command": "x"}, {"name": "a", "command": "y"}]}'],
    ['an unknown field', '{"servers": [{"name": "a", "command": "x", "shell": true}]}'],
  ])('refuses a file with %s, naming the setting', async (_case, text) => {
    const path = join(dir, 'bad.json');
    await writeFile(path, text);
    expect(() => readStdioServersConfig(path)).toThrow(StartupError);
    expect(() => readStdioServersConfig(path)).toThrow(/MCP_STDIO_CONFIG/);
  });

  it('refuses a missing file', () => {
    expect(() => readStdioServersConfig(join(dir, 'missing.json'))).toThrow(/ENOENT/);
  });
});
