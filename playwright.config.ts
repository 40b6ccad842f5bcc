import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/e2e/support/chromium.ts';

export default defineConfig({
  testDir: 'tests/e2e',
  // One results folder per build under test, so parallel runs never delete each other's artifacts.
  outputDir: `test-results/${process.env['E2E_DIST'] || 'dist'}`,
  globalSetup: './tests/e2e/support/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env['CI']),
  reporter: [['list']],
  timeout: 30_000,
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    // The service worker answers from its cache, out of page.route()'s reach: only the
    // offline specs opt in (test.use({ serviceWorkers: 'allow' })).
    serviceWorkers: 'block',
  },
});
