import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SpawnedScript, spawnScript } from '../test/spawn-script.ts';
import { makeTempDir } from '../test/temp-dir.ts';

const mainScript = fileURLToPath(new URL('./main.ts', import.meta.url));
const startStopScript = fileURLToPath(new URL('../test/start-stop-script.ts', import.meta.url));

let temp: ReturnType<typeof makeTempDir>;
const spawned: SpawnedScript[] = [];
beforeEach(() => {
  temp = makeTempDir('main');
});
afterEach(async () => {
  // A failed assertion must not leave a server running: stop whatever is still alive.
  for (const script of spawned.splice(0)) {
    if (script.child.exitCode === null && script.child.signalCode === null) {
      script.child.kill('SIGKILL');
      await script.exited;
    }
  }
  temp.remove();
});

const track = (script: SpawnedScript) => {
  spawned.push(script);
  return script;
};
const runMain = (options: { args?: string[]; env?: Record<string, string> }) =>
  track(spawnScript({ script: mainScript, cwd: temp.path, ...options }));

describe('main', () => {
  it('prints every setting with --help', async () => {
    const main = runMain({ args: ['--help'] });
    expect(await main.exited).toEqual({ code: 0, signal: null });
    expect(main.stdout()).toContain('RELAY_TOKEN');
    expect(main.stdout()).toContain('--relay-token <value>');
  });

  it('prints configuration problems as readable lines and exits 1', async () => {
    const main = runMain({ args: ['--prot', '80'], env: { PORT: 'eighty' } });
    expect(await main.exited).toEqual({ code: 1, signal: null });
    expect(main.stderr().trim().split('\n')).toEqual([
      'Hearth cannot start: its configuration has 2 problems.',
      '  - Unknown flag --prot. Did you mean --port?',
      '  - PORT (--port): must be a whole number from 0 to 65535 (got "eighty")',
      'Run with --help to list every setting.',
    ]);
    expect(main.stdout()).toBe('');
  });

  it('refuses to listen beyond loopback without a relay token', async () => {
    const main = runMain({ env: { HOST: '0.0.0.0', PORT: '0' } });
    expect((await main.exited).code).toBe(1);
    expect(main.stderr()).toContain('HOST (--host) is 0.0.0.0, which other machines can reach');
    expect(existsSync(join(temp.path, 'data'))).toBe(false);
  });

  it('explains an unusable DATA_DIR and exits 1', async () => {
    writeFileSync(join(temp.path, 'file'), '');
    const main = runMain({ env: { PORT: '0', DATA_DIR: 'file/data' } });
    expect((await main.exited).code).toBe(1);
    expect(main.stderr()).toContain(
      `Hearth cannot start: DATA_DIR ${join(temp.path, 'file', 'data')} cannot be created`,
    );
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('starts, logs its URL as JSON and stops cleanly on %s', async (signal) => {
    const main = runMain({ env: { PORT: '0', STATIC_DIR: temp.path } });
    await main.waitForOutput('Hearth is listening at');
    const line = main
      .stdout()
      .split('\n')
      .slice(0, -1) // complete lines only
      .map((text) => JSON.parse(text) as Record<string, unknown>)
      .find((entry) => String(entry.msg).startsWith('Hearth is listening at'));
    const url = String(line?.url);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(((await (await fetch(`${url}/healthz`)).json()) as { database: string }).database).toBe('ok');
    main.child.kill(signal);
    expect(await main.exited).toEqual({ code: 0, signal: null });
    expect(main.stdout()).toContain('"msg":"stopping"');
    expect(existsSync(join(temp.path, 'data', 'hearth.sqlite-wal'))).toBe(false); // database closed
  });

  it('leaves no open handle after close(): the process exits on its own', async () => {
    const script = track(
      spawnScript({ script: startStopScript, cwd: temp.path, env: { PORT: '0', STATIC_DIR: temp.path } }),
    );
    expect(await script.exited).toEqual({ code: 0, signal: null });
    expect(script.stdout()).toBe('healthz 200; closed\n');
  });
});
