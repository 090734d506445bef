import { type ChildProcess, fork } from 'node:child_process';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { bundle } from '../build/bundle.mjs';

/** A benchmark helper process, reachable by IPC. */
export interface BenchChild {
  /** The child's process id (to watch it from outside, e.g. with strace or perf). */
  pid: number;
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
  options: {
    bundled?: boolean;
    /** Node flags for the bundled child (e.g. `--cpu-prof`). */
    nodeFlags?: string[];
    /** Called with every line the child prints on stdout (which is otherwise the parent's). */
    onStdoutLine?: (line: string) => void;
  } = {},
): Promise<BenchChild> {
  const source = fileURLToPath(new URL(file, import.meta.url));
  const stdio = options.onStdoutLine ? (['ignore', 'pipe', 'inherit', 'ipc'] as const) : undefined;
  let child: ChildProcess;
  if (options.bundled) {
    // Inside the package, so the bundle's imports resolve to this package's dependencies.
    const outfile = fileURLToPath(new URL(`../dist/bench/${basename(file, '.ts')}.mjs`, import.meta.url));
    await bundle(source, outfile);
    child = fork(outfile, args, { execArgv: options.nodeFlags ?? [], ...(stdio ? { stdio: [...stdio] } : {}) });
  } else {
    child = fork(source, args, { execArgv: process.execArgv, ...(stdio ? { stdio: [...stdio] } : {}) });
  }
  const onLine = options.onStdoutLine;
  if (onLine && child.stdout) createInterface({ input: child.stdout }).on('line', onLine);
  const next = () =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const onMessage = (message: unknown) => {
        child.off('exit', onExit);
        resolve(message as Record<string, unknown>);
      };
      const onExit = (code: number | null) => {
        child.off('message', onMessage);
        reject(new Error(`${file} exited with ${code}`));
      };
      child.once('message', onMessage);
      child.once('exit', onExit);
    });
  const ready = await next();
  return {
    pid: child.pid ?? 0,
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
