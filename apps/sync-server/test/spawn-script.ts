import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** A TypeScript script running in its own Node process, its output collected. */
export interface SpawnedScript {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal that ended the process). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once a complete line of stdout contains `text`; rejects if the process exits first. */
  waitForOutput(text: string): Promise<void>;
}

/** Runs `node --import tsx <script> ...args` with exactly `env` (plus PATH). */
export function spawnScript(options: {
  script: string;
  args?: string[];
  env?: Record<string, string>;
  cwd: string;
}): SpawnedScript {
  const child = spawn(process.execPath, ['--import', tsxLoader, options.script, ...(options.args ?? [])], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    for (const listener of listeners) listener();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    waitForOutput: (text) =>
      new Promise((resolve, reject) => {
        const printed = () =>
          stdout
            .split('\n')
            .slice(0, -1)
            .some((line) => line.includes(text));
        const check = () => {
          if (!printed()) return;
          listeners.delete(check);
          resolve();
        };
        listeners.add(check);
        check();
        void exited.then(() => {
          if (!printed()) reject(new Error(`exited before printing ${text}:\n${stdout}\n${stderr}`));
        });
      }),
  };
}
