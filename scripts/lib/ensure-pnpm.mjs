import { capture, fail, run } from './run.mjs';

const wanted = '10.34.9';

/**
 * Makes sure pnpm 10 is on the PATH, installing it with npm when it is missing, so that a fresh
 * machine with only Node.js and npm can run the project.
 */
export async function ensurePnpm() {
  const version = capture('pnpm', ['--version']);
  if (version?.startsWith('10.')) return;
  console.log(`Installing pnpm ${wanted} with npm (found: ${version ?? 'none'})…`);
  const code = await run('npm', ['install', '--global', `pnpm@${wanted}`]);
  if (code !== 0 || !capture('pnpm', ['--version'])?.startsWith('10.')) {
    fail(`Could not install pnpm ${wanted}. Install it yourself with: npm install --global pnpm@${wanted}`);
  }
}

/** Installs the workspace's dependencies exactly as locked. */
export async function installDependencies() {
  const code = await run('pnpm', ['install', '--frozen-lockfile']);
  if (code !== 0) fail('pnpm install failed; see the output above.');
}
