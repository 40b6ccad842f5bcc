import { test as base, expect } from '@playwright/test';

/** Which build a Playwright project runs against: the fixture site, or the real guides (the smoke project). */
export type SiteUnderTest = 'fixture' | 'real';

/**
 * Every e2e test imports `test` from here: `baseURL` points at the build served by
 * global-setup (a free port chosen per run): the fixture site, or, in the smoke
 * project (`use: { site: 'real' }`), the real guides.
 */
export const test = base.extend<{ site: SiteUnderTest }>({
  site: ['fixture', { option: true }],
  baseURL: async ({ site }, use) => {
    const name = site === 'real' ? 'E2E_REAL_URL' : 'E2E_BASE_URL';
    const url = process.env[name];
    if (!url)
      throw new Error(`${name} is not set: build the site with \`npm run build:e2e\` (global-setup serves it).`);
    await use(url);
  },
});

/** URL of the fixture site built under BASE_PATH=/vibe/. */
export function vibeBaseUrl(): string {
  const url = process.env['E2E_VIBE_URL'];
  if (!url) throw new Error('E2E_VIBE_URL is not set: build the sites with `npm run build:e2e` first.');
  return url;
}

export { expect };
