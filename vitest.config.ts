import { defineConfig } from 'vitest/config';

// One vitest run covers every package; the e2e suite runs under Playwright instead.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
  },
});
