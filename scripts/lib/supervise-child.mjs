import { constants } from 'node:os';

/** The signals that ask a process to stop: Ctrl+C, `kill`, a closed terminal. */
const stopSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Waits for `child` to exit, passing on to it every stop signal this process receives meanwhile, so
 * that stopping a script (or npm, which forwards to it) stops what it runs instead of orphaning it.
 * Resolves with the child's exit code (128 + signal number when a signal ended it, 127 when it could
 * not start). If a stop signal arrived, this process then ends by that same signal, after its child
 * has exited, and the promise never resolves: whoever waits on it (npm, a shell) sees how it ended,
 * and no later step of the script runs.
 */
export function superviseChild(child) {
  let received;
  const forward = (signal) => {
    received ??= signal;
    // A child that has already exited (or never started) has nothing to stop.
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) child.kill(signal);
  };
  for (const signal of stopSignals) process.on(signal, forward);
  return new Promise((resolve) => {
    let settled = false;
    const done = (code) => {
      // 'exit' may or may not follow an 'error' (a command that could not start).
      if (settled) return;
      settled = true;
      for (const signal of stopSignals) process.off(signal, forward);
      if (received !== undefined) endBySignal(received);
      else resolve(code);
    };
    child.once('error', () => done(127));
    child.once('exit', (code, signal) => done(code ?? 128 + (constants.signals[signal] ?? 0)));
  });
}

/** Ends this process by `signal`, with the default action restored (no listener is left for it). */
function endBySignal(signal) {
  process.kill(process.pid, signal);
  // Only reached if the signal could not end the process (a listener elsewhere): exit as the shell would.
  process.exit(128 + (constants.signals[signal] ?? 0));
}
