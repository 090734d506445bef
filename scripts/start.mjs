// `npm start`: installs what is needed, builds the web app, and serves it on 127.0.0.1:8787
// (HOST and PORT change that).
import { ensurePnpm, installDependencies } from './lib/ensure-pnpm.mjs';
import { fail, run } from './lib/run.mjs';

await ensurePnpm();
await installDependencies();
if ((await run('pnpm', ['--filter', '@hearth/web', 'run', 'build'])) !== 0) fail('The web app did not build.');

const host = process.env.HOST ?? '127.0.0.1';
const port = process.env.PORT ?? '8787';
console.log(`\nHearth is at http://${host}:${port}/ (Ctrl+C stops it)\n`);
const code = await run('pnpm', [
  '--filter',
  '@hearth/web',
  'exec',
  'vite',
  'preview',
  '--host',
  host,
  '--port',
  port,
  '--strictPort',
]);
process.exit(code);
