import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import {
  guidesOf,
  offlinePack,
  openReview,
  rateCard,
  SITES,
  storedRatings,
  titleOf,
  visitOnce,
  watchCsp,
} from './offline-support.ts';

test.use({ serviceWorkers: 'allow' });
test.describe.configure({ timeout: 240_000 });

/** Lets the requests a test held go on; also after a failure, so the context can close. */
let releaseHeldGuides = () => {};
test.afterEach(() => releaseHeldGuides());

/** Every text the save control's progress line shows, recorded by the page as it changes. */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const line = document.querySelector('save-offline [data-progress-text]');
    const seen: string[] = [];
    Object.assign(window, { savedProgress: seen });
    if (line) new MutationObserver(() => seen.push(line.textContent ?? '')).observe(line, { childList: true });
  });
}
const progressSeen = (page: Page) => page.evaluate(() => (window as { savedProgress?: string[] }).savedProgress ?? []);

/** Text of a guide's article, lower-cased words only. */
function articleWords(dir: string, url: string): Set<string> {
  const html = readFileSync(join(dir, url, 'index.html'), 'utf8');
  const article = html.slice(html.indexOf('data-pagefind-body'), html.indexOf('</article>'));
  const text = article.replace(/<[^>]+>/gu, ' ').toLowerCase();
  return new Set(text.match(/\b[a-z]{9,}\b/gu) ?? []);
}

/** A word found in one guide's text only, and that guide: full-text search must find it there. */
function termOnlyIn(dir: string, exclude: string): { term: string; guide: string } {
  const guides = guidesOf(dir);
  const words = new Map(guides.map((url) => [url, articleWords(dir, url)]));
  for (const url of guides.filter((g) => g !== exclude)) {
    for (const word of words.get(url) ?? []) {
      if (guides.every((other) => other === url || !words.get(other)?.has(word))) return { term: word, guide: url };
    }
  }
  throw new Error('no word is unique to one guide');
}

for (const site of SITES) {
  test(`on a plane, ${site.name}: save every guide with progress, then read, search and review offline`, async ({
    page,
    context,
    baseURL,
  }) => {
    const root = site.url(baseURL);
    const at = (path: string) => new URL(path, root).href;
    const csp = watchCsp(page);
    const guides = guidesOf(site.dir());
    const [visited] = guides;
    if (!visited) throw new Error('the build has no guide');
    await visitOnce(page, root);
    await page.goto(at(visited));

    await test.step('before saving, the search dialog says search offline misses unsaved guides', async () => {
      await expect(page.getByRole('button', { name: 'Search' })).toBeEnabled();
      await page.keyboard.press('Control+k');
      const note = page.locator('offline-search-note');
      await expect(note).toContainText(`1 of ${guides.length} guides are saved for offline search.`);
      await expect(note.getByRole('link', { name: 'Save all guides for offline' })).toHaveAttribute(
        'href',
        `${site.base}about/#offline`,
      );
      await page.keyboard.press('Escape');
    });

    await test.step('review a card online; the review and drill pages say whether storage is persistent', async () => {
      await openReview(page, at('review/'));
      await rateCard(page, '3');
      const persistence =
        /^(Storage is persistent: this browser will not clear your progress|This browser refused persistent storage, so it may clear your progress)/u;
      await expect(page.locator('persistent-storage')).toHaveText(persistence);
      await page.goto(at('drill/'));
      await expect(page.locator('persistent-storage')).toHaveText(persistence);
    });

    await test.step('save all from the about page, with a progress bar in guides and MB', async () => {
      await page.goto(at('about/#offline'));
      const control = page.locator('save-offline');
      await control.scrollIntoViewIfNeeded();
      await expect(control).toContainText(`1 of ${guides.length} guides saved on this device`);
      await recordProgress(page);
      await control.getByRole('button', { name: 'Save all guides for offline' }).click();
      await expect(control.getByRole('status')).toHaveText(`Done: all ${guides.length} guides are saved for offline.`, {
        timeout: 60_000,
      });
      await expect(control.getByRole('button', { name: 'Save all guides for offline' })).toBeFocused();
      await expect(control.locator('[data-save-summary]')).toHaveText(
        `All ${guides.length} guides are saved on this device: reading and full-text search work offline.`,
      );
      await expect(control.locator('[data-save-storage]')).toHaveText(
        /^This site stores [\d.]+ (KB|MB) on this device/u,
      );
      const seen = await progressSeen(page);
      expect(seen.length).toBeGreaterThan(1);
      expect(seen.at(-1)).toMatch(
        // Sizes read as the reader reads them: KB under a megabyte, MB above (formatSize).
        new RegExp(`^Saving: ${guides.length} of ${guides.length} guides, [\\d.]+ (KB|MB) of [\\d.]+ (KB|MB)$`, 'u'),
      );
      const [, done, total] = /([\d.]+ (?:KB|MB)) of ([\d.]+ (?:KB|MB))$/u.exec(seen.at(-1) ?? '') ?? [];
      expect(done).toBe(total);
      for (const theme of ['light', 'dark'] as const) {
        await page.evaluate((t) => (document.documentElement.dataset['theme'] = t), theme);
        const axe = await new AxeBuilder({ page }).include('save-offline').analyze();
        expect(axe.violations.map((v) => `${theme}: ${v.id}`)).toEqual([]);
      }
    });

    await context.setOffline(true);

    await test.step('every guide and section page is there offline, as built', async () => {
      const pack = offlinePack(site.dir());
      const statuses = await page.evaluate(
        (urls) => Promise.all(urls.map(async (url) => (await fetch(url)).status)),
        pack.pages.map((p) => at(p.url)),
      );
      expect(statuses.every((status) => status === 200)).toBe(true);
      const unvisited = guides.at(-1) ?? '';
      const response = await page.goto(at(unvisited));
      expect(response?.status()).toBe(200);
      expect(await page.title()).toBe(titleOf(readFileSync(join(site.dir(), unvisited, 'index.html'), 'utf8')));
    });

    await test.step('full-text search finds a word that only an unvisited guide has', async () => {
      const { term, guide } = termOnlyIn(site.dir(), visited);
      await page.goto(root);
      await expect(page.getByRole('button', { name: 'Search' })).toBeEnabled();
      await page.keyboard.press('Control+k');
      const input = page.getByRole('textbox', { name: 'Search the guides' });
      await input.fill(term);
      const hit = page.locator('.page-results > li > a', {
        hasText: titleOf(readFileSync(join(site.dir(), guide, 'index.html'), 'utf8')).replace(/ · Vibe Check$/u, ''),
      });
      await expect(hit).toBeVisible({ timeout: 20_000 });
      await expect(page.locator('offline-search-note')).toBeHidden();
      await hit.click();
      await expect(page).toHaveURL(new RegExp(`${site.base}${guide}`, 'u'));
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    });

    await test.step('review offline; the log keeps every review across a reload', async () => {
      await openReview(page, at('review/'));
      await rateCard(page, '4');
      await page.reload();
      await expect(page.getByRole('button', { name: /Show answer/ })).toBeEnabled({ timeout: 20_000 });
      expect(await storedRatings(page)).toBe(2);
    });

    expect(csp).toEqual([]);
  });

  test(`cancelling a save keeps what was saved, and saving again resumes, ${site.name}`, async ({
    page,
    context,
    baseURL,
  }) => {
    const root = site.url(baseURL);
    const at = (path: string) => new URL(path, root).href;
    const csp = watchCsp(page);
    const guides = guidesOf(site.dir());
    await visitOnce(page, root);
    await openReview(page, at('review/'));
    await rateCard(page, '3');

    // A network that stalls after three guides (the page's request and the worker's count once), so the
    // save is surely mid-way when it is cancelled; the held requests go on once it has been checked.
    const answered = new Set<string>();
    const released = new Promise<void>((resolve) => (releaseHeldGuides = resolve));
    await context.route(
      (url) => guides.some((guide) => url.pathname.endsWith(`/${guide}`)),
      async (route) => {
        const path = new URL(route.request().url()).pathname;
        if (answered.size < 3) answered.add(path);
        if (!answered.has(path)) await released;
        await route.continue().catch(() => undefined);
      },
    );
    await page.goto(at('review/'));
    const control = page.locator('save-offline');
    await control.scrollIntoViewIfNeeded();
    await expect(control).toContainText(`0 of ${guides.length} guides saved on this device`, { timeout: 20_000 });
    await control.getByRole('button', { name: 'Save all guides for offline' }).click();
    const progress = control.locator('progress');
    await expect(progress).toBeVisible();
    await expect(control.locator('[data-progress-text]')).toHaveText(/^Saving: ([3-9]|\d\d+) of /u, {
      timeout: 30_000,
    });
    // Keyboard: focus moved to Cancel when saving started.
    await expect(control.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(control.getByRole('status')).toHaveText(/^Stopped\. What was saved stays saved/u);
    await expect(progress).toBeHidden();
    const summary = await control.locator('[data-save-summary]').innerText();
    const saved = Number(/^(\d+) of /u.exec(summary)?.[1] ?? 'NaN');
    expect(saved).toBeGreaterThanOrEqual(3);
    expect(saved).toBeLessThan(guides.length);

    await context.setOffline(true);
    const offline = await page.goto(at('no/such/guide/'));
    expect(offline?.status()).toBe(503);
    await expect(page.locator('saved-guides')).toContainText(`Saved on this device (${saved}):`);
    expect(await page.locator('saved-guides a').count()).toBe(saved);
    const first = await page.locator('saved-guides a').first().getAttribute('href');
    const opened = await page.goto(first ?? '');
    expect(opened?.status()).toBe(200);

    await context.setOffline(false);
    releaseHeldGuides();
    await context.unrouteAll({ behavior: 'ignoreErrors' });
    await page.goto(at('review/'));
    await recordProgress(page);
    await control.getByRole('button', { name: 'Save all guides for offline' }).click();
    await expect(control.getByRole('status')).toHaveText(`Done: all ${guides.length} guides are saved for offline.`, {
      timeout: 60_000,
    });
    // It resumed: the first progress it showed already counted the guides saved before.
    expect((await progressSeen(page))[0]).toMatch(new RegExp(`^Saving: ${saved} of ${guides.length} guides`, 'u'));
    expect(await storedRatings(page)).toBe(1);
    expect(csp).toEqual([]);
  });
}
