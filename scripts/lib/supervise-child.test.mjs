import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { isAlive } from '../test/process-tree.mjs';
import { spawnCollecting } from '../test/spawn-collecting.mjs';

const script = fileURLToPath(new URL('../test/two-step-script.mjs', import.meta.url));

let started;
let childPid;
afterEach(async () => {
  for (const pid of [childPid, started?.child.pid]) if (pid !== undefined && isAlive(pid)) process.kill(pid, 'SIGKILL');
  if (started) await started.exited;
  started = undefined;
  childPid = undefined;
});

describe('run (superviseChild)', () => {
  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'])(
    'passes %s to the running command, waits for it, then ends by it without running the next step',
    async (signal) => {
      started = spawnCollecting(process.execPath, [script], {});
      childPid = Number((await started.waitFor(/step one running as (\d+)/))[1]);
      started.child.kill(signal);
      expect(await started.exited).toEqual({ code: null, signal });
      expect(started.output()).toContain(`step one got ${signal}`);
      expect(started.output()).not.toContain('step two');
      expect(isAlive(childPid)).toBe(false);
    },
  );

  it('resolves with the exit code when no signal comes, and the script goes on', async () => {
    started = spawnCollecting(process.execPath, [script, '--quick'], {});
    expect(await started.exited).toEqual({ code: 0, signal: null });
    expect(started.output()).toContain('step one exited with 3');
    expect(started.output()).toContain('step two');
  });

  it('resolves with 127 when the command cannot start', async () => {
    started = spawnCollecting(process.execPath, [script, '--missing'], {});
    expect(await started.exited).toEqual({ code: 0, signal: null });
    expect(started.output()).toContain('step one exited with 127');
  });
});
