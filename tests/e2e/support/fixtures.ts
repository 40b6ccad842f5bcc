import { test as base, expect } from '@playwright/test';

/**
 * Every e2e test imports `test` from here: `baseURL` points at the built site
 * served by global-setup (a free port chosen per run).
 */
export const test = base.extend({
  baseURL: async ({}, use) => {
    const url = process.env['E2E_BASE_URL'];
    if (!url) throw new Error('E2E_BASE_URL is not set: global-setup did not run.');
    await use(url);
  },
});

/** URL of the build under BASE_PATH=/vibe/, when it exists. */
export function vibeBaseUrl(): string {
  const url = process.env['E2E_VIBE_URL'];
  if (!url) throw new Error('E2E_VIBE_URL is not set: build dist-vibe with BASE_PATH=/vibe/ first.');
  return url;
}

export { expect };
