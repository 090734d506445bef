import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './fixtures/browser-flags.ts';

/** Where the server (serving the built web app, with its relay and sync API) listens for the tests. */
export const appPort = 4173;

/** Each worker's fake upstream listens on its own fixed port, which the relay is told it may reach. */
export const fakeUpstreamBasePort = 4010;
const workers = 2;

// A fresh data directory per run, so every run starts from an empty database.
const dataDir = mkdtempSync(join(tmpdir(), 'hearth-e2e-'));
const allowPrivate = Array.from({ length: workers }, (_, i) => `127.0.0.1:${fakeUpstreamBasePort + i}`).join(',');

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  // Two cores: two workers keep the machine responsive while still overlapping the waits.
  workers,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${appPort}`,
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    trace: 'retain-on-failure',
  },
  webServer: {
    // The real server with the production build of the app, as a person would run it.
    command: [
      // The built server (npm start runs the same file); the test command builds it first.
      'node apps/sync-server/dist/main.mjs',
      `--host 127.0.0.1 --port ${appPort} --data-dir ${dataDir}`,
      `--relay-allow-private ${allowPrivate}`,
      // Devices in the sync tests create their account from the app itself.
      '--sync-signup',
    ].join(' '),
    cwd: '..',
    url: `http://127.0.0.1:${appPort}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
