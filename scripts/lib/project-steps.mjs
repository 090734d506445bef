// The steps `npm start`, `npm test` and `npm run bench` take before they run anything, each skipped
// when up to date (see run-step.mjs): installing the dependencies, building the web app, building the
// server. What each one reads is listed here, once.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePnpm } from './ensure-pnpm.mjs';
import { fingerprintFiles, fingerprintListing, fingerprintSettings } from './fingerprint.mjs';
import { loadIgnoreRules } from './ignore-rules.mjs';
import { run } from './run.mjs';
import { workspaceClosure, workspacePackages } from './workspace-packages.mjs';

/** Files at the root that decide what pnpm installs. */
const installFiles = ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', '.npmrc', '.pnpmfile.cjs'];

/** Files at the root that every build reads besides its packages' own. */
const sharedBuildFiles = ['pnpm-lock.yaml', 'pnpm-workspace.yaml', 'tsconfig.base.json'];

/** Installs the workspace's dependencies exactly as locked. */
export function installStep(root) {
  const packages = workspacePackages(root);
  return {
    name: 'install',
    label: 'Dependencies (pnpm install)',
    inputs: () => ({
      ...fingerprintFiles({ root, paths: [...installFiles, ...packages.map((pkg) => `${pkg.dir}/package.json`)] }),
      // A native module (better-sqlite3) is built for one Node.js ABI, platform and architecture.
      ...fingerprintSettings({ abi: process.versions.modules, platform: process.platform, arch: process.arch }),
    }),
    output: () => {
      // pnpm's own record of what it installed, and which packages each workspace package can reach.
      if (!existsSync(join(root, 'node_modules', '.pnpm', 'lock.yaml'))) return undefined;
      const listings = packages.map((pkg) => fingerprintListing({ root, path: `${pkg.dir}/node_modules` }));
      return Object.assign(fingerprintFiles({ root, paths: ['node_modules/.pnpm/lock.yaml'] }), ...listings);
    },
    run: async () => {
      await ensurePnpm();
      return (await run('pnpm', ['install', '--frozen-lockfile'], { cwd: root })) === 0;
    },
  };
}

/** Builds the web app into apps/web/dist (which the server serves). */
export function webBuildStep(root) {
  return buildStep(root, {
    name: 'build-web',
    label: 'Web app (vite build)',
    packageName: '@hearth/web',
    // The result the server serves; all of it, so that any other build into it is noticed.
    outputPaths: ['apps/web/dist'],
    requiredOutput: 'apps/web/dist/index.html',
    // What the Vite config reads from the environment; the output folder is always the default here.
    settings: () => ({ HEARTH_BUILD_LABEL: process.env.HEARTH_BUILD_LABEL, ...viteVariables() }),
    env: { HEARTH_WEB_OUT_DIR: undefined },
  });
}

/** Bundles the server into apps/sync-server/dist/main.mjs (which `npm start` and the e2e suite run). */
export function serverBuildStep(root) {
  return buildStep(root, {
    name: 'build-server',
    label: 'Server (esbuild bundle)',
    packageName: '@hearth/sync-server',
    outputPaths: ['apps/sync-server/dist/main.mjs', 'apps/sync-server/dist/main.mjs.map'],
    requiredOutput: 'apps/sync-server/dist/main.mjs',
    settings: () => ({}),
    env: {},
  });
}

/** A package's `build` script as a step: its inputs are its folder and the workspace packages it bundles. */
function buildStep(root, options) {
  const dirs = workspaceClosure(workspacePackages(root), options.packageName);
  const ignoredByGit = loadIgnoreRules(root);
  // Vite reads .env files, including the .env.local ones a .gitignore commonly hides: always inputs.
  const isIgnored = (path, isDirectory) =>
    !isDirectory && /(^|\/)\.env(\.[^/]*)?$/.test(path) ? false : ignoredByGit(path, isDirectory);
  return {
    name: options.name,
    label: options.label,
    inputs: () => ({
      ...fingerprintFiles({ root, paths: [...sharedBuildFiles, ...dirs], isIgnored }),
      ...fingerprintSettings(options.settings()),
    }),
    output: () =>
      existsSync(join(root, options.requiredOutput))
        ? fingerprintFiles({ root, paths: options.outputPaths })
        : undefined,
    run: async () => {
      await ensurePnpm();
      const env = { ...process.env };
      for (const [name, value] of Object.entries(options.env)) {
        if (value === undefined) delete env[name];
        else env[name] = value;
      }
      return (await run('pnpm', ['--filter', options.packageName, 'run', 'build'], { cwd: root, env })) === 0;
    },
  };
}

/** VITE_* variables, which Vite puts into the app. */
function viteVariables() {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith('VITE_')));
}
