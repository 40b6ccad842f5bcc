import type { Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { distDir, vibeDistDir } from './support/built-site.ts';
import { watchCsp as watchCspAndErrors } from './support/csp.ts';
import { expect, vibeBaseUrl } from './support/fixtures.ts';

/** Both deployments every offline test runs against. */
export const SITES = [
  { name: 'at the root', base: '/', dir: distDir, url: (baseURL: string | undefined) => baseURL ?? '' },
  { name: 'under BASE_PATH=/vibe/', base: '/vibe/', dir: vibeDistDir, url: () => vibeBaseUrl() },
] as const;

/** The one online visit: load `url` and wait until the service worker controls the page. */
export async function visitOnce(page: Page, url: string): Promise<void> {
  await page.goto(url);
  // The precache is complete once the worker activates and claims the page.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
}

/** Offline tests also fail on any uncaught page error, not only on CSP violations. */
export function watchCsp(page: Page): string[] {
  return watchCspAndErrors(page, { pageErrors: true });
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

/** Opens the review page and waits until its deck has loaded. */
export async function openReview(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeEnabled({ timeout: 20_000 });
}

/** Reveals the current card with Space and rates it with a key, as a reader does. */
export async function rateCard(page: Page, key: '1' | '2' | '3' | '4'): Promise<void> {
  const before = await storedRatings(page);
  await page.keyboard.press('Space');
  await expect(page.locator('[data-grades] button').first()).toBeEnabled();
  await page.keyboard.press(key);
  await expect.poll(() => storedRatings(page), { timeout: 20_000 }).toBe(before + 1);
}

/** How many ratings the review log in IndexedDB holds, read by the page itself. */
export async function storedRatings(page: Page): Promise<number> {
  return page.evaluate(async () => {
    // Opening a database that does not exist would create it, empty, under the app's feet.
    const exists = (await indexedDB.databases()).some((d) => d.name === 'vibe-check-progress');
    if (!exists) return 0;
    return new Promise<number>((resolve, reject) => {
      const open = indexedDB.open('vibe-check-progress');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('log')) {
          db.close();
          resolve(0);
          return;
        }
        const request = db.transaction('log').objectStore('log').count();
        request.onsuccess = () => {
          db.close();
          resolve(request.result);
        };
      };
    });
  });
}

/** The build's `offline-pack.json`: the guides and section pages "Save all" downloads. */
export function offlinePack(dir: string): {
  pages: { url: string; kind: string; title: string }[];
  search: { url: string }[];
} {
  return JSON.parse(readFileSync(join(dir, 'offline-pack.json'), 'utf8')) as ReturnType<typeof offlinePack>;
}

/** The guides of a build (`phases/constraints/`, relative to the base), in URL order. */
export function guidesOf(dir: string): string[] {
  return offlinePack(dir)
    .pages.filter((page) => page.kind === 'guide')
    .map((page) => page.url);
}

/** Every URL the page's origin keeps in Cache Storage, by cache name, relative to `root`, revision tags dropped. */
export async function cachedUrls(page: Page, root: string): Promise<Record<string, string[]>> {
  const byCache = await page.evaluate(async () => {
    const names = await caches.keys();
    const entries = await Promise.all(
      names.map(async (name) => [name, (await (await caches.open(name)).keys()).map((r) => r.url)] as const),
    );
    return Object.fromEntries(entries);
  });
  return Object.fromEntries(
    Object.entries(byCache).map(([name, urls]) => [
      name,
      urls
        .map((url) => {
          const parsed = new URL(url);
          parsed.searchParams.delete('__WB_REVISION__');
          return parsed.href.startsWith(root) ? parsed.href.slice(root.length) : parsed.href;
        })
        .sort(),
    ]),
  );
}

/** Opens the about page's save control and saves every guide, waiting for the end. */
export async function saveAllGuides(page: Page, root: string): Promise<void> {
  await page.goto(new URL('about/#offline', root).href);
  const control = page.locator('save-offline');
  await expect(control.getByText(/guides? saved on this device|are saved on this device/u)).toBeVisible({
    timeout: 20_000,
  });
  await control.getByRole('button', { name: 'Save all guides for offline' }).click();
  await expect(control.getByRole('status')).toHaveText(/^Done: all \d+ guides are saved for offline\.$/u, {
    timeout: 60_000,
  });
}
