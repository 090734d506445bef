import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './fixtures/browser-flags.ts';

// No fixed port and no shared server: each worker starts its own Hearth server and fake upstream on
// free ports (fixtures/test.ts), so the suite runs beside a running app or another checkout's suite.
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
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    trace: 'retain-on-failure',
  },
});
