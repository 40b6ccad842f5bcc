import type { Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { distDir, vibeDistDir } from './support/built-site.ts';
import { vibeBaseUrl } from './support/fixtures.ts';

/** Both deployments every offline test runs against. */
export const SITES = [
  { name: 'at the root', base: '/', dir: distDir, url: (baseURL: string | undefined) => baseURL ?? '' },
  { name: 'under BASE_PATH=/vibe/', base: '/vibe/', dir: vibeDistDir, url: () => vibeBaseUrl() },
] as const;

/** The one online visit: load `url` and wait until the service worker controls the page. */
export async function visitOnce(page: Page, url: string): Promise<void> {
  await page.goto(url);
  // The precache is complete once the worker activates and claims the page.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
}

/** Collects Content Security Policy violations and errors reported by every page of `page`. */
export function watchCsp(page: Page): string[] {
  const problems: string[] = [];
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  page.on('console', (message) => {
    if (/Content Security Policy|CSP violation/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

/** Every file of a build, as a URL path relative to its base (`pagefind/pagefind.js`). */
export function builtFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return files.sort();
}

/** The `<title>` of a built page, to tell which page the worker answered with. */
export function titleOf(html: string): string {
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
  return title.replaceAll('&amp;', '&').replaceAll('&#39;', "'").replaceAll('&quot;', '"');
}
