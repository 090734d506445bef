// `npm run bench`: builds the web app and prints every benchmark's figures. Nothing here is asserted.
import { ensurePnpm } from './lib/ensure-pnpm.mjs';
import { buildProject, installDependencies } from './lib/prepare-project.mjs';
import { run } from './lib/run.mjs';

await ensurePnpm();
await installDependencies();
await buildProject();

console.log('\n=== First page load');
await run('node', ['scripts/bench/first-load-size.mjs']);
console.log('\n=== Stream decoder');
await run('pnpm', ['exec', 'tsx', 'packages/core/bench/decoder-bench.ts']);
console.log('\n=== Relay overhead (direct vs relayed, 1 and 200 streams)');
await run('pnpm', ['exec', 'tsx', 'apps/sync-server/bench/relay-bench.ts']);
console.log('\n=== Relay CPU per stream (relay vs a minimal pass-through proxy, 1 and 50 streams)');
await run('pnpm', ['exec', 'tsx', 'apps/sync-server/bench/relay-cpu-bench.ts']);
console.log('\n=== Sync server throughput (HTTP vs raw SQLite)');
await run('pnpm', ['exec', 'tsx', 'apps/sync-server/bench/sync-bench.ts']);
console.log('\n=== Scale-out (PostgreSQL with 1, 2 and 4 server processes vs one SQLite process)');
await run('pnpm', ['exec', 'tsx', 'apps/sync-server/bench/scale-out-bench.ts']);
console.log('\n=== Sync in the browser (initial sync, propagation)');
await run('pnpm', ['exec', 'tsx', 'bench/sync.bench.ts'], { cwd: 'e2e' });
console.log('\n=== Cold start with a large history');
await run('pnpm', ['exec', 'tsx', 'bench/cold-start.bench.ts'], { cwd: 'e2e' });
console.log('\n=== Streaming render (10,000 tokens at 200/s into a 1,000-message chat; typing meanwhile)');
await run('pnpm', ['exec', 'tsx', 'bench/streaming.bench.ts'], { cwd: 'e2e' });
console.log('\n=== Export and import of a large history (100,000 messages)');
await run('pnpm', ['exec', 'tsx', 'bench/archive.bench.ts'], { cwd: 'e2e' });
console.log('\n=== Search over 100,000 messages, English and Chinese');
await run('pnpm', ['exec', 'tsx', 'bench/search.bench.ts'], { cwd: 'e2e' });
