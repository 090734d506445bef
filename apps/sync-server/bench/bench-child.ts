import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A benchmark helper process, reachable by IPC. */
export interface BenchChild {
  /** The first message the child sent (what it listens on). */
  ready: Record<string, unknown>;
  /** Sends a request and resolves with the child's next answer. */
  ask(message: string): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

/** Forks `file` (next to this one) with the same TypeScript loader as this process and waits for its first message. */
export async function startBenchChild(file: string, args: string[] = []): Promise<BenchChild> {
  const child = fork(fileURLToPath(new URL(file, import.meta.url)), args, { execArgv: process.execArgv });
  const next = () =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      child.once('message', (message) => resolve(message as Record<string, unknown>));
      child.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)));
    });
  const ready = await next();
  return {
    ready,
    ask: (message) => {
      const answer = next();
      child.send(message);
      return answer;
    },
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
