import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workspaceClosure, workspacePackages } from './workspace-packages.mjs';

let root;
const writePackage = (dir, manifest) => {
  mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, dir, 'package.json'), JSON.stringify(manifest));
};
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'hearth-workspace-'));
  writeFileSync(
    join(root, 'pnpm-workspace.yaml'),
    "packages:\n  - apps/*\n  - 'packages/*' # libraries\n  - e2e\nonlyBuiltDependencies:\n  - esbuild\n",
  );
  writePackage('packages/schema', { name: '@x/schema' });
  writePackage('packages/core', { name: '@x/core', dependencies: { '@x/schema': 'workspace:*', zod: '^4' } });
  writePackage('apps/web', {
    name: '@x/web',
    dependencies: { '@x/core': 'workspace:*' },
    devDependencies: { '@x/server': 'workspace:*' },
  });
  writePackage('apps/server', { name: '@x/server', dependencies: { '@x/core': 'workspace:^' } });
  writePackage('e2e', { name: '@x/e2e' });
  mkdirSync(join(root, 'apps/not-a-package'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('workspacePackages', () => {
  it('lists the folders pnpm-workspace.yaml names that hold a package.json, and nothing of its other keys', () => {
    expect(workspacePackages(root).map((pkg) => pkg.dir)).toEqual([
      'apps/server',
      'apps/web',
      'e2e',
      'packages/core',
      'packages/schema',
    ]);
  });
});

describe('workspaceClosure', () => {
  it('follows run-time workspace dependencies transitively, not dev ones nor registry ones', () => {
    const packages = workspacePackages(root);
    expect(workspaceClosure(packages, '@x/web')).toEqual(['apps/web', 'packages/core', 'packages/schema']);
    expect(workspaceClosure(packages, '@x/server')).toEqual(['apps/server', 'packages/core', 'packages/schema']);
    expect(() => workspaceClosure(packages, '@x/nope')).toThrow('not a package of this workspace');
  });
});
