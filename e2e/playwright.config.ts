import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './fixtures/browser';

/**
 * The end-to-end suite: each test starts its own real server (simulated device, fresh data
 * directory, the built web app) on a free port — see fixtures/server.ts — and drives Debian's
 * Chromium. `npm run test:e2e` at the root builds the web app first.
 */
// The journeys drive the compiled server, as `npm start` runs it (the root's test:e2e builds it).
process.env.EDGENET_TEST_SERVER ??= 'compiled';

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  // Two cores: one test at a time, each with its own server, keeps timings honest.
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['html', { open: 'never', outputFolder: './playwright-report' }]],
  use: {
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
  },
});
