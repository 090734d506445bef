// `npm test`: installs what is needed (pnpm, dependencies, Chromium, PostgreSQL 15), then runs every check:
// lint, type checks, unit and integration tests (vitest), and browser tests (Playwright in Chromium).
// Ends with one line `N passed, N failed` over all of them and exits non-zero on any failure.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './lib/ensure-chromium.mjs';
import { ensurePnpm } from './lib/ensure-pnpm.mjs';
import { ensurePostgres } from './lib/ensure-postgres.mjs';
import { installDependencies } from './lib/prepare-project.mjs';
import { serverBuildStep, webBuildStep } from './lib/project-steps.mjs';
import { run } from './lib/run.mjs';
import { runStep } from './lib/run-step.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const reports = join(root, '.test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

await ensurePnpm();
await installDependencies();
await ensureChromium();
await ensurePostgres();

let passed = 0;
let failed = 0;
const failures = [];

/** A check that is one item in the total (lint, a type check, a build); `work` resolves true if it passed. */
async function check(name, work) {
  console.log(`\n=== ${name}`);
  const ok = await work();
  if (ok) passed += 1;
  else {
    failed += 1;
    failures.push(name);
  }
  return ok;
}

/** A check that passes when the command exits 0. */
const command = (file, args) => async () => (await run(file, args, { cwd: root })) === 0;

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

await check('lint (biome)', command('pnpm', ['exec', 'biome', 'check', '.']));
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
  await check(`typecheck ${project}`, command('pnpm', ['exec', 'tsc', '-p', project]));
}
// Each build is skipped when nothing it is built from changed since it last succeeded (a pass).
const built =
  (await check('build web app', () => runStep(root, webBuildStep(root)))) &&
  (await check('build server', () => runStep(root, serverBuildStep(root))));

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
