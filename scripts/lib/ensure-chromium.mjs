import { existsSync } from 'node:fs';
import { fail, run } from './run.mjs';

export const chromiumPath = '/usr/bin/chromium';

/**
 * Makes sure Debian's Chromium is installed for the browser tests. Playwright's own browser download
 * is never used: it cannot reach its servers here.
 */
export async function ensureChromium() {
  if (existsSync(chromiumPath)) return;
  if (process.getuid?.() !== 0) {
    fail(`Chromium is missing at ${chromiumPath}. Install it as root: apt-get update && apt-get install -y chromium`);
  }
  console.log('Installing Chromium from Debian packages…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if ((await run('apt-get', ['update'], { env })) !== 0) fail('apt-get update failed.');
  if ((await run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env })) !== 0) {
    fail('apt-get install chromium failed.');
  }
  if (!existsSync(chromiumPath)) fail(`Chromium was installed but ${chromiumPath} does not exist.`);
}
