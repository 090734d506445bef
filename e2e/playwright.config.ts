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
  // Budgets that a busy machine does not exhaust: two suites side by side with four Chromiums on two
  // cores made ordinary tests take 35-60 s. A hung test still fails; fixtures/test.ts keeps this as
  // the floor for specs that configure their own budget.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  forbidOnly: true,
  reporter: 'list',
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    trace: 'retain-on-failure',
  },
});
