import { capture, fail, run } from './run.mjs';

const wanted = '10.34.9';
let ensured;

/**
 * Makes sure pnpm 10 is on the PATH, installing it with npm when it is missing, so that a fresh
 * machine with only Node.js and npm can run the project. Checked once per script, and only by the
 * steps that need pnpm: a start with nothing to install or build does not even ask for its version.
 */
export function ensurePnpm() {
  ensured ??= (async () => {
    const version = capture('pnpm', ['--version']);
    if (version?.startsWith('10.')) return;
    console.log(`Installing pnpm ${wanted} with npm (found: ${version ?? 'none'})…`);
    const code = await run('npm', ['install', '--global', `pnpm@${wanted}`]);
    if (code !== 0 || !capture('pnpm', ['--version'])?.startsWith('10.')) {
      fail(`Could not install pnpm ${wanted}. Install it yourself with: npm install --global pnpm@${wanted}`);
    }
  })();
  return ensured;
}
