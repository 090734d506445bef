import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// vitest 5's reporter calls Map.groupBy when it prints a failure, which Node 20 lacks: without this a
// failing test shows up as a reporter crash instead of its assertion.
if (!('groupBy' in Map)) {
  Object.defineProperty(Map, 'groupBy', {
    value<K, V>(items: Iterable<V>, key: (item: V, index: number) => K): Map<K, V[]> {
      const groups = new Map<K, V[]>();
      let index = 0;
      for (const item of items) {
        const k = key(item, index++);
        const group = groups.get(k);
        if (group) group.push(item);
        else groups.set(k, [item]);
      }
      return groups;
    },
  });
}

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * Time budgets for every test and hook. vitest's 5 s default measures the machine more than the code:
 * with eight busy loops beside the usual work on two cores, property tests that take a second alone
 * took more than a minute (json-size 73 s, sync convergence 77 s). A test that hangs still fails, only
 * later; the longest property and crash tests set budgets of their own.
 */
const budgets = { testTimeout: 300_000, hookTimeout: 120_000, teardownTimeout: 60_000 };

/** Folders with a Vite config of their own use it (the web app's plugins); the others need none. */
const configFiles = ['vitest.config.ts', 'vite.config.ts'];

/**
 * Each package folder as a project, as a `packages/*` glob would find them. Listed one by one because a
 * project found by glob owns all of its options, so none would get the budgets above.
 */
function packageProject(dir: string): TestProjectInlineConfiguration {
  const manifest = join(repoRoot, dir, 'package.json');
  const name = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { name: string }).name : dir;
  const configFile = configFiles.map((file) => join(dir, file)).find((file) => existsSync(join(repoRoot, file)));
  return { extends: configFile ?? false, test: { name, root: dir, ...budgets } };
}

const packageDirs = ['packages', 'apps'].flatMap((parent) =>
  readdirSync(join(repoRoot, parent), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(repoRoot, parent, entry.name, 'package.json')))
    .map((entry) => join(parent, entry.name)),
);

// One vitest run covers every package and the repository's own scripts; the e2e suite runs under
// Playwright instead.
export default defineConfig({
  test: {
    ...budgets,
    projects: [
      ...packageDirs.map(packageProject),
      { extends: false, test: { name: 'scripts', root: 'scripts', ...budgets } },
    ],
  },
});
