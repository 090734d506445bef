// Bundles a TypeScript entry of this package into one plain ES module for Node. This package's own
// registry dependencies stay imports (native better-sqlite3 among them); the workspace packages
// (@hearth/*) and what only they depend on are compiled in, since pnpm would not let the bundle reach
// them. Running plain JavaScript spares the server the TypeScript loader: it starts faster and uses less memory.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const ownDependencies = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).filter(
  (name) => !name.startsWith('@hearth/'),
);
const isOwnDependency = (path) => ownDependencies.some((name) => path === name || path.startsWith(`${name}/`));

/** Bundles `entry` into `outfile`. */
export async function bundle(entry, outfile) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    plugins: [
      {
        name: 'registry-packages-external',
        setup(context) {
          context.onResolve({ filter: /^[^./]/ }, (args) =>
            isOwnDependency(args.path) ? { path: args.path, external: true } : undefined,
          );
        },
      },
    ],
  });
}
