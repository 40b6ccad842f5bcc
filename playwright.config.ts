import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/e2e/support/chromium.ts';
import type { SiteUnderTest } from './tests/e2e/support/fixtures.ts';

/**
 * Three projects, one run (`npm run test:e2e` builds their sites first, see
 * tests/e2e/support/fixture-site.ts):
 * - `slow`: specs that build a site of their own or import a very large file; listed
 *   first so they start first and do not become the run's tail;
 * - `fixture`: every other spec, against the small fixture site;
 * - `smoke`: the real guides — every page renders, no broken link, axe on a sample, budgets.
 */
export default defineConfig<{ site: SiteUnderTest }>({
  testDir: 'tests/e2e',
  // One results folder per build under test, so parallel runs never delete each other's artifacts.
  outputDir: `test-results/${process.env['E2E_DIST'] || 'dist-e2e'}`,
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
  projects: [
    { name: 'slow', testDir: 'tests/e2e/slow' },
    { name: 'fixture', testIgnore: ['slow/**', 'smoke/**'] },
    { name: 'smoke', testDir: 'tests/e2e/smoke', use: { site: 'real' } },
  ],
});
