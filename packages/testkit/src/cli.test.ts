import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args.ts';

const cliPath = fileURLToPath(new URL('./cli.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const children: ChildProcess[] = [];

// Node with tsx's loader, in one process, so the signal reaches the server itself.
function startCli(args: string[]): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', cliPath, ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return child;
}

async function firstLine(child: ChildProcess): Promise<string> {
  let text = '';
  for await (const chunk of child.stdout ?? []) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.slice(0, text.indexOf('\n'));
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('cli', () => {
  // Starting Node with tsx compiles on the fly, which can be slow on a busy machine.
  it('prints its origin as one JSON line, serves, and exits cleanly on SIGTERM', async () => {
    const child = startCli(['--port', '0', '--host', '127.0.0.1', '--scenario', 'models=from-cli']);
    const exited = once(child, 'exit');
    const { origin } = JSON.parse(await firstLine(child)) as { origin: string };
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const models = await fetch(`${origin}/v1/models`);
    expect(await models.json()).toMatchObject({ data: [{ id: 'from-cli' }] });
    expect((await fetch(`${origin}/_control/health`)).status).toBe(200);
    child.kill('SIGTERM');
    const [code, signal] = await exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
  });

  it('exits with a usage error on an unknown argument', async () => {
    const child = startCli(['--colour', 'blue']);
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
      stderr += String(chunk);
    });
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(stderr).toContain('Unknown argument "--colour"');
  });
});

describe('cli arguments', () => {
  it('reads host, port and a default scenario', () => {
    expect(parseCliArgs(['--host', '::1', '--port', '4010', '--scenario', 'cors=0,tokens=5'])).toEqual({
      success: true,
      value: { host: '::1', port: 4010, defaults: { cors: false, tokens: 5 } },
    });
  });

  it.each([[['--port', 'x']], [['--port', '70000']], [['--port']], [['--scenario', 'nope=1']]])(
    'rejects %j',
    (args) => {
      expect(parseCliArgs(args).success).toBe(false);
    },
  );
});
