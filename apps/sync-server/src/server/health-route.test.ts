import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listFiles, makeTempDir } from '../../test/temp-dir.ts';
import { type RunningTestServer, startTestServer, testConfig } from '../../test/test-server.ts';
import { serverVersion } from '../version.ts';
import { healthSchema } from './health-route.ts';

let temp: ReturnType<typeof makeTempDir>;
let running: RunningTestServer | undefined;

afterEach(async () => {
  await running?.close();
  running = undefined;
  temp.remove();
});

async function start(env: Record<string, string>) {
  temp = makeTempDir('health');
  running = await startTestServer({ config: testConfig({ env, cwd: temp.path }) });
  return running;
}

async function health(url: string) {
  const response = await fetch(`${url}/healthz`);
  return { status: response.status, body: healthSchema.parse(await response.json()) };
}

describe('/healthz', () => {
  it('reports the database ok in full mode, where the SQLite file exists', async () => {
    const { url } = await start({});
    expect(await health(url)).toEqual({
      status: 200,
      body: { status: 'ok', version: serverVersion, database: 'ok' },
    });
    expect(existsSync(join(temp.path, 'data', 'hearth.sqlite'))).toBe(true);
  });

  it('reports the database disabled in relay-only mode, with no file created', async () => {
    const { url } = await start({ RELAY_ONLY: 'true' });
    expect(await health(url)).toEqual({
      status: 200,
      body: { status: 'ok', version: serverVersion, database: 'disabled' },
    });
    expect(listFiles(temp.path)).toEqual([]);
  });

  it('answers 503 when the database connection is closed', async () => {
    const { url, server } = await start({});
    server.storage?.close();
    expect(await health(url)).toEqual({
      status: 503,
      body: { status: 'unavailable', version: serverVersion, database: 'unavailable' },
    });
  });

  it('answers 503 when the database file is gone', async () => {
    const { url } = await start({});
    rmSync(join(temp.path, 'data'), { recursive: true, force: true });
    const { status, body } = await health(url);
    expect(status).toBe(503);
    expect(body.database).toBe('unavailable');
  });
});
