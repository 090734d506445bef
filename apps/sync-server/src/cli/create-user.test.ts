import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPostgresCluster } from '../../test/postgres-cluster.ts';
import { type SpawnedScript, spawnScript } from '../../test/spawn-script.ts';
import { filesContaining, makeTempDir } from '../../test/temp-dir.ts';
import { startTestServer, testConfig } from '../../test/test-server.ts';
import { syncClient } from '../sync/test/http-sync.ts';

const script = fileURLToPath(new URL('./create-user.ts', import.meta.url));

let temp: ReturnType<typeof makeTempDir>;
const spawned: SpawnedScript[] = [];
beforeEach(() => {
  temp = makeTempDir('cli');
});
afterEach(async () => {
  for (const child of spawned.splice(0)) {
    if (child.child.exitCode === null && child.child.signalCode === null) child.child.kill('SIGKILL');
    await child.exited;
  }
  temp.remove();
});

const run = (args: string[], env: Record<string, string> = {}) => {
  const child = spawnScript({ script, args, cwd: temp.path, env });
  spawned.push(child);
  return child;
};

describe('create-user', () => {
  it('creates a user and prints a token, once, that the server accepts', async () => {
    const cli = run(['--data-dir', './data', '--device-name', 'My laptop']);
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    const lines = cli.stdout().trim().split('\n');
    expect(lines[0]).toMatch(
      /^Created user [0-9a-z]{20} with device "My laptop" \([0-9a-z]{20}\) in .*hearth\.sqlite\.$/,
    );
    const token = lines.at(-1) ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(filesContaining(join(temp.path, 'data'), [token])).toEqual([]);

    const running = await startTestServer({
      config: testConfig({ cwd: temp.path, env: { DATA_DIR: './data', STATIC_DIR: temp.path, LOG_LEVEL: 'warn' } }),
    });
    try {
      const devices = await syncClient({ url: running.url, token }).devices.list.query();
      expect(devices).toEqual([expect.objectContaining({ name: 'My laptop', current: true })]);
    } finally {
      await running.close();
    }
  });

  it('takes DATA_DIR from the environment, and refuses an empty device name', async () => {
    const fromEnv = run([], { DATA_DIR: join(temp.path, 'env-data') });
    expect((await fromEnv.exited).code).toBe(0);
    expect(fromEnv.stdout()).toContain(`device "First device"`);
    expect(fromEnv.stdout()).toContain(join(temp.path, 'env-data', 'hearth.sqlite'));

    const unnamed = run(['--device-name', '  ']);
    expect((await unnamed.exited).code).toBe(1);
    expect(unnamed.stderr()).toContain('--device-name: Name this device');
    expect(unnamed.stdout()).toBe('');
  });

  it('rejects unknown flags with its usage', async () => {
    const cli = run(['--data', 'x']);
    expect((await cli.exited).code).toBe(1);
    expect(cli.stderr()).toContain('Usage: create-user.ts');
  });
});

describe('create-user on PostgreSQL', () => {
  it('creates the user in the server’s DATABASE_URL, and a server on it accepts the token', async () => {
    const cluster = await startPostgresCluster();
    try {
      const url = await cluster.createDatabase('cli');
      const cli = run(['--database-url', url, '--device-name', 'My laptop']);
      expect(await cli.exited).toEqual({ code: 0, signal: null });
      expect(cli.stdout()).toContain(`in ${url}.`);
      const token = cli.stdout().trim().split('\n').at(-1) ?? '';
      const running = await startTestServer({
        config: testConfig({ cwd: temp.path, env: { DATABASE_URL: url, STATIC_DIR: temp.path, LOG_LEVEL: 'warn' } }),
      });
      try {
        const devices = await syncClient({ url: running.url, token }).devices.list.query();
        expect(devices).toEqual([expect.objectContaining({ name: 'My laptop', current: true })]);
      } finally {
        await running.close();
      }
    } finally {
      await cluster.stop();
    }
  });
});
