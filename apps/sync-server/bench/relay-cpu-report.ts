// The CPU-time protocol of relay-cpu-bench.ts's proxy processes: on `reset` a process starts counting,
// on `report` it answers with the CPU time it used since (user and system, in ms) and how long that was.

/** Answers the parent's `reset` and `report` messages with this process's own CPU time. */
export function reportCpuOnRequest(): void {
  // A benchmark that was stopped leaves no process behind.
  process.once('disconnect', () => process.exit(0));
  let since = process.cpuUsage();
  let startedAt = performance.now();
  process.on('message', (message) => {
    if (message === 'reset') {
      since = process.cpuUsage();
      startedAt = performance.now();
      process.send?.({ reset: true });
    } else if (message === 'report') {
      const { user, system } = process.cpuUsage(since);
      process.send?.({ userMs: user / 1000, systemMs: system / 1000, wallMs: performance.now() - startedAt });
    }
  });
}
