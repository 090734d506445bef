// Stopping `npm start` stops the server: the signal travels npm -> node scripts/start.mjs -> the server,
// and each waits for the next to exit before it ends, so nothing is left running.
// These start the real chain in this checkout. `npm test` builds before it runs vitest, so start.mjs
// finds everything up to date and goes straight to the server; run alone on a stale checkout, the first
// start installs and builds first, as `npm start` would (hence the long timeout).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { descendantsOf, isAlive } from './test/process-tree.mjs';
import { spawnCollecting } from './test/spawn-collecting.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const startTimeoutMs = 300_000;

let dataDir;
let started;
let seen = [];
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'hearth-start-'));
});
afterEach(async () => {
  // Whatever a failed test left running is killed here, the server first.
  for (const pid of [...seen.map((row) => row.pid).reverse(), started?.child.pid]) {
    if (pid !== undefined && isAlive(pid)) process.kill(pid, 'SIGKILL');
  }
  if (started) await started.exited;
  started = undefined;
  seen = [];
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts `command args` (npm start, or node scripts/start.mjs) on a free port; resolves once /healthz answers. */
async function start(command, args) {
  started = spawnCollecting(command, args, {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir },
  });
  const [, url] = await started.waitFor(/"url":"(http:\/\/127\.0\.0\.1:\d+)"/);
  const health = await fetch(`${url}/healthz`);
  expect(health.status).toBe(200);
  seen = descendantsOf(started.child.pid);
  const server = seen.find((row) => row.args.includes('apps/sync-server/dist/main.mjs'));
  expect(server, `no server process among ${JSON.stringify(seen)}`).toBeDefined();
  return { url, server };
}

/** Whether anything still accepts connections at `url`. */
const answers = (url) =>
  fetch(`${url}/healthz`).then(
    () => true,
    () => false,
  );

describe.each([
  ['npm start', 'npm', ['start']],
  ['node scripts/start.mjs', process.execPath, ['scripts/start.mjs']],
])('stopping %s', (_, command, args) => {
  it.each(['SIGTERM', 'SIGINT'])(
    'with %s stops the server, leaves no process behind and ends by that signal',
    async (signal) => {
      const { url, server } = await start(command, args);
      started.child.kill(signal);
      expect(await started.exited).toEqual({ code: null, signal });
      // Each link waited for the one below it: by now nothing of the chain may be running.
      expect(isAlive(server.pid), `server ${server.pid} still running`).toBe(false);
      expect(seen.filter((row) => isAlive(row.pid))).toEqual([]);
      expect(await answers(url)).toBe(false);
      // The server stopped cleanly (closing its database), not by a kill.
      expect(started.output()).toContain('"msg":"stopping"');
    },
    startTimeoutMs,
  );
});
