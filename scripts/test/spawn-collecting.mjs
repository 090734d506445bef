import { spawn } from 'node:child_process';

/**
 * Spawns a command with its output collected; `waitFor(pattern)` resolves with the first match in its
 * stdout (rejecting if it exits first), `exited` with how it ended.
 */
export function spawnCollecting(command, args, options) {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const waiters = new Set();
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
    for (const waiter of waiters) waiter();
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const waitFor = (pattern) =>
    new Promise((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(stdout);
        if (!match) return;
        waiters.delete(check);
        resolve(match);
      };
      waiters.add(check);
      check();
      void exited.then(() => {
        if (waiters.delete(check)) reject(new Error(`exited before printing ${pattern}:\n${stdout}\n${stderr}`));
      });
    });
  return { child, exited, waitFor, output: () => `${stdout}\n${stderr}` };
}
