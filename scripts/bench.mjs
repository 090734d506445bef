// `npm run bench`: builds the web app and prints every benchmark's figures. Nothing here is asserted.
import { ensurePnpm, installDependencies } from './lib/ensure-pnpm.mjs';
import { fail, run } from './lib/run.mjs';

await ensurePnpm();
await installDependencies();
if ((await run('pnpm', ['--filter', '@hearth/web', 'run', 'build'])) !== 0) fail('The web app did not build.');

console.log('\n=== First page load');
await run('node', ['scripts/bench/first-load-size.mjs']);
console.log('\n=== Stream decoder');
await run('pnpm', ['exec', 'tsx', 'packages/core/bench/decoder-bench.ts']);
