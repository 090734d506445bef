// `npm start`: installs what is needed, builds the web app, and runs the Hearth server
// (apps/sync-server) on 127.0.0.1:8787: the app at /, the relay at /relay/v1, /healthz and /metrics.
// HOST and PORT change where it listens. The database lives in ./data at the repository root; DATA_DIR
// changes that (a relative DATA_DIR is taken from the repository root too). Every other setting is an
// environment variable or a flag after `--`: `npm start -- --help` lists them, `npm start -- --relay-only`
// runs without any database.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePnpm, installDependencies } from './lib/ensure-pnpm.mjs';
import { fail, run } from './lib/run.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const serverArgs = process.argv.slice(2);
const helpOnly = serverArgs.includes('--help') || serverArgs.includes('-h');

if (!helpOnly) {
  await ensurePnpm();
  await installDependencies();
  if ((await run('pnpm', ['--filter', '@hearth/web', 'run', 'build'], { cwd: root })) !== 0) {
    fail('The web app did not build.');
  }
  if ((await run('pnpm', ['--filter', '@hearth/sync-server', 'run', 'build'], { cwd: root })) !== 0) {
    fail('The server did not build.');
  }
}

const host = process.env.HOST || '127.0.0.1';
const port = process.env.PORT || '8787';
const env = { ...process.env, HOST: host, PORT: port, DATA_DIR: resolve(root, process.env.DATA_DIR || 'data') };
if (!helpOnly)
  console.log(`\nStarting Hearth at http://${host.includes(':') ? `[${host}]` : host}:${port}/ (Ctrl+C stops it)\n`);

// The server as plain JavaScript (built above), in one Node process, so signals reach the server itself.
const entry = helpOnly ? ['--import', 'tsx', 'apps/sync-server/src/main.ts'] : ['apps/sync-server/dist/main.mjs'];
const server = spawn(process.execPath, [...entry, ...serverArgs], {
  cwd: root,
  env,
  stdio: 'inherit',
});
// Ctrl+C reaches the server from the terminal as well; it stops once however many copies arrive.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => server.kill(signal));
server.on('error', (error) => fail(`Could not start the server: ${error.message}`));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
