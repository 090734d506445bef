import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './fixtures/browser-flags.ts';

/** Where the built web app is served for the tests. */
export const appPort = 4173;

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  // Two cores: two workers keep the machine responsive while still overlapping the waits.
  workers: 2,
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
    // The production build, served as a person would get it.
    command: `pnpm --filter @hearth/web exec vite preview --host 127.0.0.1 --port ${appPort} --strictPort`,
    cwd: '..',
    url: `http://127.0.0.1:${appPort}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
