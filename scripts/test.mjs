// `npm test`: installs what is needed (pnpm, dependencies, Chromium), then runs every check:
// lint, type checks, unit and integration tests (vitest), and browser tests (Playwright in Chromium).
// Ends with one line `N passed, N failed` over all of them and exits non-zero on any failure.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium } from './lib/ensure-chromium.mjs';
import { ensurePnpm, installDependencies } from './lib/ensure-pnpm.mjs';
import { run } from './lib/run.mjs';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, '.test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

await ensurePnpm();
await installDependencies();
await ensureChromium();

let passed = 0;
let failed = 0;
const failures = [];

/** A check that is one item in the total (lint, a type check, the build). */
async function check(name, command, args) {
  console.log(`\n=== ${name}`);
  const code = await run(command, args, { cwd: root });
  if (code === 0) passed += 1;
  else {
    failed += 1;
    failures.push(name);
  }
  return code === 0;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

await check('lint (biome)', 'pnpm', ['exec', 'biome', 'check', '.']);
const projects = [
  'packages/schema/tsconfig.json',
  'packages/core/tsconfig.json',
  'packages/testkit/tsconfig.json',
  'apps/web/tsconfig.json',
  'apps/web/tsconfig.node.json',
  'apps/sync-server/tsconfig.json',
  'e2e/tsconfig.json',
];
for (const project of projects) {
  await check(`typecheck ${project}`, 'pnpm', ['exec', 'tsc', '-p', project]);
}
const built =
  (await check('build web app', 'pnpm', ['--filter', '@hearth/web', 'run', 'build'])) &&
  (await check('build server', 'pnpm', ['--filter', '@hearth/sync-server', 'run', 'build']));

console.log('\n=== unit and integration tests (vitest)');
const vitestReport = join(reports, 'vitest.json');
const vitestCode = await run(
  'pnpm',
  ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`],
  { cwd: root },
);
const vitest = readJson(vitestReport);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  if (vitest.numFailedTests > 0) failures.push(`${vitest.numFailedTests} vitest test(s)`);
}
if (!vitest || (vitestCode !== 0 && vitest.numFailedTests === 0)) {
  // A crash or a failing file outside any test still fails the run.
  failed += 1;
  failures.push('vitest run');
}

if (built) {
  console.log('\n=== browser tests (Playwright, Chromium)');
  const playwrightReport = join(reports, 'playwright.json');
  const playwrightCode = await run(
    'pnpm',
    ['--filter', '@hearth/e2e', 'exec', 'playwright', 'test', '--reporter=list,json'],
    {
      cwd: root,
      env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightReport },
    },
  );
  const playwright = readJson(playwrightReport);
  if (playwright) {
    const { expected = 0, unexpected = 0, flaky = 0 } = playwright.stats ?? {};
    passed += expected + flaky;
    failed += unexpected;
    if (unexpected > 0) failures.push(`${unexpected} browser test(s)`);
  }
  if (!playwright || (playwrightCode !== 0 && (playwright.stats?.unexpected ?? 0) === 0)) {
    failed += 1;
    failures.push('playwright run');
  }
}

if (failures.length > 0) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
