// `npm start`: installs what is needed, builds the web app, and runs the Hearth server
// (apps/sync-server) on 127.0.0.1:8787: the app at /, the relay at /relay/v1, /healthz and /metrics.
// HOST and PORT change where it listens. The database lives in ./data at the repository root; DATA_DIR
// changes that (a relative DATA_DIR is taken from the repository root too). Every other setting is an
// environment variable or a flag after `--`: `npm start -- --help` lists them, `npm start -- --relay-only`
// runs without any database.
// A second start with nothing changed installs and builds nothing (see lib/run-step.mjs). Stopping this
// script (Ctrl+C, SIGTERM to it or to npm) stops the server, and this script then ends by that signal.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildProject, installDependencies } from './lib/prepare-project.mjs';
import { fail } from './lib/run.mjs';
import { superviseChild } from './lib/supervise-child.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const serverArgs = process.argv.slice(2);
const helpOnly = serverArgs.includes('--help') || serverArgs.includes('-h');

if (!helpOnly) {
  await installDependencies();
  await buildProject();
}

const host = process.env.HOST || '127.0.0.1';
const port = process.env.PORT || '8787';
const env = { ...process.env, HOST: host, PORT: port, DATA_DIR: resolve(root, process.env.DATA_DIR || 'data') };
if (!helpOnly) {
  const where =
    port === '0'
      ? 'on a free port (its log names it)'
      : `at http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  console.log(`\nStarting Hearth ${where} (Ctrl+C stops it)\n`);
}

// The server as plain JavaScript (built above), in one Node process of its own: signals that reach this
// script are passed on to it, and this script waits for it to exit before it ends. package.json runs
// this script with `exec` so that npm's shell (dash runs a lone command as a child) becomes this
// process: npm passes SIGINT and SIGTERM to its child, and a shell in between would die of them and
// leave this script and the server running.
const entry = helpOnly ? ['--import', 'tsx', 'apps/sync-server/src/main.ts'] : ['apps/sync-server/dist/main.mjs'];
const server = spawn(process.execPath, [...entry, ...serverArgs], { cwd: root, env, stdio: 'inherit' });
server.once('error', (error) => fail(`Could not start the server: ${error.message}`));
process.exit(await superviseChild(server));
