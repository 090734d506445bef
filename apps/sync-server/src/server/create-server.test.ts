import { existsSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { startFakeUpstream } from '@hearth/testkit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LogCollector } from '../../test/log-collector.ts';
import { listFiles, makeTempDir } from '../../test/temp-dir.ts';
import { testConfig } from '../../test/test-server.ts';
import { upstreamHeader } from '../relay/relay-contract.ts';
import { StartupError } from '../startup-error.ts';
import { createServer } from './create-server.ts';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('lifecycle');
});
afterEach(() => temp.remove());

const tcpServers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'TCPServerWrap').length;

async function refusesConnections(url: string): Promise<boolean> {
  try {
    await fetch(url);
    return false;
  } catch {
    return true;
  }
}

describe('createServer lifecycle', () => {
  it('listens on a real port and stops leaving no listener, database or WAL file behind', async () => {
    const before = tcpServers();
    const server = await createServer({
      config: testConfig({ cwd: temp.path, env: { STATIC_DIR: temp.path } }),
      logDestination: new LogCollector(),
    });
    const { url } = await server.listen();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(tcpServers()).toBe(before + 1);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const file = join(temp.path, 'data', 'hearth.sqlite');
    expect(existsSync(file)).toBe(true);

    await server.close();
    // libuv releases a closed handle in a later loop turn, so this waits for it rather than for a time.
    await vi.waitFor(() => expect(tcpServers()).toBe(before));
    expect(server.storage?.db.open).toBe(false);
    expect(existsSync(`${file}-wal`)).toBe(false); // checkpointed into the main file on close
    expect(await refusesConnections(`${url}/healthz`)).toBe(true);
  });

  it('frees the port on close, so a new server can take it', async () => {
    const config = testConfig({ cwd: temp.path, env: { RELAY_ONLY: '1', STATIC_DIR: temp.path } });
    const first = await createServer({ config, logDestination: new LogCollector() });
    const { url } = await first.listen();
    await first.close();
    const port = Number(new URL(url).port);
    const second = await createServer({ config: { ...config, port }, logDestination: new LogCollector() });
    expect((await second.listen()).url).toBe(url);
    await second.close();
  });

  it('closes even while a client holds a keep-alive connection open', async () => {
    const config = testConfig({ cwd: temp.path, env: { RELAY_ONLY: '1', STATIC_DIR: temp.path } });
    const server = await createServer({ config, logDestination: new LogCollector() });
    const { url } = await server.listen();
    const response = await fetch(`${url}/healthz`, { headers: { connection: 'keep-alive' } });
    await response.text();
    await server.close();
    expect(await refusesConnections(`${url}/healthz`)).toBe(true);
  });

  it('cuts a stalled relayed stream after the grace period instead of waiting for it', async () => {
    const upstream = await startFakeUpstream();
    const config = testConfig({
      cwd: temp.path,
      env: { RELAY_ONLY: '1', STATIC_DIR: temp.path, RELAY_ALLOW_PRIVATE: `127.0.0.1:${upstream.port}` },
    });
    const server = await createServer({ config, logDestination: new LogCollector(), shutdownGraceMs: 50 });
    try {
      const { url } = await server.listen();
      const response = await fetch(`${url}/relay/v1/chat/completions`, {
        method: 'POST',
        headers: {
          [upstreamHeader]: upstream.baseUrl({ tokens: 10, stallAfter: 1 }),
          'content-type': 'application/json',
        },
        body: JSON.stringify({ model: 'm', stream: true, messages: [{ role: 'user', content: 'hi' }] }),
      });
      expect(response.status).toBe(200);
      await upstream.waitForRequest((request) => request.outcome === 'stalled');
      expect(server.metrics.relayActiveStreams.value).toBe(1);
      await server.close(); // would wait for the stream forever without the grace period
      await expect(response.text()).rejects.toThrow();
      await vi.waitFor(() => expect(server.metrics.relayActiveStreams.value).toBe(0)); // the relay saw the cut
    } finally {
      await upstream.close();
    }
  });

  it('creates nothing on disk in relay-only mode, not even DATA_DIR', async () => {
    const config = testConfig({ cwd: temp.path, argv: ['--relay-only'], env: { STATIC_DIR: temp.path } });
    const server = await createServer({ config, logDestination: new LogCollector() });
    await server.listen();
    expect(server.storage).toBeUndefined();
    await server.close();
    expect(existsSync(config.dataDir)).toBe(false);
    expect(listFiles(temp.path)).toEqual([]);
  });

  it('refuses to start when DATA_DIR cannot be created', async () => {
    writeFileSync(join(temp.path, 'file'), '');
    const config = testConfig({ cwd: temp.path, env: { DATA_DIR: 'file/data', STATIC_DIR: temp.path } });
    const attempt = createServer({ config, logDestination: new LogCollector() });
    await expect(attempt).rejects.toBeInstanceOf(StartupError);
    await expect(attempt).rejects.toMatchObject({ code: 'data_dir_unusable' });
  });

  it('refuses to start when the relay rejects its options', async () => {
    const config = testConfig({ cwd: temp.path, env: { RELAY_ONLY: '1', STATIC_DIR: temp.path } });
    const attempt = createServer({
      config: { ...config, relay: { ...config.relay, allowedHosts: ['https://api.example.com/v1'] } },
      logDestination: new LogCollector(),
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'relay_options_invalid',
      message: expect.stringContaining('The relay refused its settings'),
    });
  });

  it('says so when the port is taken', async () => {
    const blocker = createNetServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const config = testConfig({ cwd: temp.path, env: { RELAY_ONLY: '1', PORT: String(port), STATIC_DIR: temp.path } });
    const server = await createServer({ config, logDestination: new LogCollector() });
    try {
      await expect(server.listen()).rejects.toMatchObject({
        code: 'listen_failed',
        message: `Cannot listen on 127.0.0.1 port ${port}: another process is using it: stop it, or choose another PORT (--port).`,
      });
    } finally {
      await server.close();
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
