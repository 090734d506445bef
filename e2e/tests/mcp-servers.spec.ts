import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FakeMcpServer, startFakeMcpServer, stdioMcpServerScript } from '@hearth/testkit';
import type { Browser, Locator } from '@playwright/test';
import { ChatApp } from '../fixtures/chat-app.ts';
import { ServerProcess } from '../fixtures/server-process.ts';
import { expect, test } from '../fixtures/test.ts';

const webAppDir = fileURLToPath(new URL('../../apps/web/dist', import.meta.url));

// A server of its own: its MCP relay may reach these fake MCP servers (and no other private address), and
// its operator configured one stdio server.
let withCors: FakeMcpServer;
let withoutCors: FakeMcpServer;
let server: ServerProcess;
let configDir: string;

test.beforeAll(async () => {
  withCors = await startFakeMcpServer({ name: 'open-notes' });
  withoutCors = await startFakeMcpServer({ name: 'closed-notes', cors: false });
  configDir = await mkdtemp(join(tmpdir(), 'hearth-e2e-mcp-'));
  const config = join(configDir, 'mcp-stdio.json');
  await writeFile(
    config,
    JSON.stringify({
      servers: [
        {
          name: 'operator-notes',
          description: 'Notes on the server',
          command: process.execPath,
          args: ['--import', 'tsx', stdioMcpServerScript, 'operator-notes'],
        },
      ],
    }),
  );
  const ports = [withCors, withoutCors].map((mcp) => `127.0.0.1:${new URL(mcp.url).port}`).join(',');
  server = await ServerProcess.start({
    staticDir: webAppDir,
    args: ['--relay-allow-private', ports, '--mcp-stdio-config', config],
  });
});
test.afterAll(async () => {
  await server?.stop();
  await withCors?.close();
  await withoutCors?.close();
  await rm(configDir, { recursive: true, force: true });
});

async function openMcpSettings(browser: Browser) {
  const context = await browser.newContext({ baseURL: server.url });
  const app = new ChatApp(await context.newPage());
  await app.open();
  const dialog = await app.openSettings();
  return { context, app, section: dialog.getByRole('region', { name: 'MCP servers' }) };
}

async function addServer(section: Locator, options: { name: string; url: string }) {
  await section.getByRole('button', { name: 'Add MCP server' }).click();
  const form = section.getByRole('form', { name: 'New MCP server' });
  await form.getByLabel('Name').fill(options.name);
  await form.getByLabel('Server URL').fill(options.url);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
}

const toolsOf = (section: Locator, name: string) =>
  section.getByRole('status', { name: `Test: ${name}` }).getByRole('list', { name: 'Tools' });

test('a server that allows CORS is reached directly and its tools are listed', async ({ browser }) => {
  const { context, section } = await openMcpSettings(browser);
  try {
    await addServer(section, { name: 'Open notes', url: withCors.url });
    await section.getByRole('button', { name: 'Test: Open notes' }).click();
    const tools = toolsOf(section, 'Open notes');
    await expect(tools.getByRole('listitem')).toHaveText(['add', 'slow', 'fail', 'big']);
    await expect(section.getByRole('list', { name: 'Resources' }).getByRole('listitem')).toHaveText(['welcome']);
    await expect(section.getByRole('list', { name: 'Prompts' }).getByRole('listitem')).toHaveText(['summarize']);
    // Straight from the browser: its preflight reached the MCP server itself.
    expect(withCors.requests.some((request) => request.method === 'OPTIONS')).toBe(true);
  } finally {
    await context.close();
  }
});

test('a server that refuses CORS says so, and works once switched to the server', async ({ browser }) => {
  const { context, section } = await openMcpSettings(browser);
  try {
    await addServer(section, { name: 'Closed notes', url: withoutCors.url });
    await section.getByRole('button', { name: 'Test: Closed notes' }).click();
    const status = section.getByRole('status', { name: 'Test: Closed notes' });
    await expect(status).toContainText('refuses requests from a browser (CORS)');
    await section.getByRole('button', { name: 'Use through the server' }).click();
    await expect(toolsOf(section, 'Closed notes').getByRole('listitem')).toHaveText(['add', 'slow', 'fail', 'big']);
    await expect(section.getByText('Through the server')).toBeVisible();
    // Through the relay, the session reached the MCP server and was ended.
    expect(withoutCors.requests.some((request) => request.method === 'POST')).toBe(true);
    await expect.poll(() => withoutCors.sessionCount).toBe(0);
  } finally {
    await context.close();
  }
});

test("the operator's stdio server is listed as provided by the server, with its tools", async ({ browser }) => {
  const { context, section } = await openMcpSettings(browser);
  try {
    const operator = section.getByRole('region', { name: 'Provided by the server' });
    await expect(operator.getByText('operator-notes')).toBeVisible();
    await expect(operator.getByText('provided by the server', { exact: true })).toBeVisible();
    await operator.getByRole('button', { name: 'Test: operator-notes' }).click();
    await expect(toolsOf(operator, 'operator-notes').getByRole('listitem')).toHaveText(['add', 'slow', 'fail', 'big']);
  } finally {
    await context.close();
  }
});
