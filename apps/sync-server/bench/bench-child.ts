import { type ChildProcess, fork } from 'node:child_process';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from '../build/bundle.mjs';

/** A benchmark helper process, reachable by IPC. */
export interface BenchChild {
  /** The first message the child sent (what it listens on). */
  ready: Record<string, unknown>;
  /** Sends a request and resolves with the child's next answer. */
  ask(message: string): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

/**
 * Forks `file` (next to this one) and waits for its first message. With `bundled`, the file is first
 * compiled to plain JavaScript and run without the TypeScript loader, as the real server runs
 * (`npm start`), so its memory is the server's and not the loader's.
 */
export async function startBenchChild(
  file: string,
  args: string[] = [],
  options: { bundled?: boolean } = {},
): Promise<BenchChild> {
  const source = fileURLToPath(new URL(file, import.meta.url));
  let child: ChildProcess;
  if (options.bundled) {
    // Inside the package, so the bundle's imports resolve to this package's dependencies.
    const outfile = fileURLToPath(new URL(`../dist/bench/${basename(file, '.ts')}.mjs`, import.meta.url));
    await bundle(source, outfile);
    child = fork(outfile, args, { execArgv: [] });
  } else {
    child = fork(source, args, { execArgv: process.execArgv });
  }
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
