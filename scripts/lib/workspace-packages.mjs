import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The workspace's packages as pnpm-workspace.yaml lists them (`- apps/*`, `- e2e`): each with its
 * folder relative to the root and its package.json. Read by hand because it runs before anything is
 * installed; only the forms this repository uses are understood: a folder, or a folder's children (`/*`).
 */
export function workspacePackages(root) {
  const text = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
  const patterns = [];
  let inPackages = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^\S/.test(line)) inPackages = /^packages:\s*$/.test(line);
    else if (inPackages) {
      const item = /^\s+-\s+['"]?([^'"#]+?)['"]?\s*(#.*)?$/.exec(line);
      if (item?.[1]) patterns.push(item[1]);
    }
  }
  const dirs = patterns.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    const parent = pattern.slice(0, -2);
    return readdirSync(join(root, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${parent}/${entry.name}`);
  });
  return dirs
    .filter((dir) => existsSync(join(root, dir, 'package.json')))
    .sort()
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) }));
}

/**
 * The folders of package `name` and of every workspace package it depends on at run time
 * (`dependencies` with a `workspace:` version, transitively): what its build bundles. Type-only
 * devDependencies (the web app's import of the server's router type) do not change its output.
 */
export function workspaceClosure(packages, name) {
  const byName = new Map(packages.map((pkg) => [pkg.manifest.name, pkg]));
  const dirs = new Set();
  const visit = (packageName) => {
    const pkg = byName.get(packageName);
    if (!pkg) throw new Error(`${packageName} is not a package of this workspace`);
    if (dirs.has(pkg.dir)) return;
    dirs.add(pkg.dir);
    for (const [dependency, version] of Object.entries(pkg.manifest.dependencies ?? {})) {
      if (String(version).startsWith('workspace:')) visit(dependency);
    }
  };
  visit(name);
  return [...dirs].sort();
}
