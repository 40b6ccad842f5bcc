import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { watchCsp } from './support/csp.ts';
import { expect, test, vibeBaseUrl } from './support/fixtures.ts';
import { GUIDE } from './support/fixture-site.ts';

/** The first search loads Pagefind's WebAssembly and both indexes: give slow machines room. */
const LOADED = { timeout: 15_000 };

test.describe.configure({ timeout: 60_000 });

/** Requests that belong to search, which a guide page must not make before the dialog opens. */
function watchSearchRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (/\/pagefind\/|search-index\.json|\/search-dialog\.|\/concept-results\./u.test(path)) seen.push(path);
  });
  return seen;
}

async function openWithShortcut(page: Page) {
  await page.keyboard.press('ControlOrMeta+K');
  const dialog = page.getByRole('dialog', { name: 'Search the guides' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox')).toBeFocused();
  return dialog;
}

test('Ctrl/⌘+K opens search; results arrive from both searches; arrows and Enter open one', async ({ page }) => {
  const csp = watchCsp(page);
  const searchRequests = watchSearchRequests(page);
  await page.goto(GUIDE);
  await expect(page.locator('search-trigger > button')).toBeEnabled();
  await page.waitForLoadState('networkidle');
  expect(searchRequests, 'a guide page loads no search code before the dialog opens').toEqual([]);

  const dialog = await openWithShortcut(page);
  await page.keyboard.type('label delay');
  const concepts = dialog.locator('[data-concepts] li');
  const pages = dialog.locator('.page-results > li');
  await expect(concepts.first()).toBeVisible(LOADED);
  await expect(pages.first()).toBeVisible(LOADED);
  // Pagefind: highlighted excerpts and sub-results that point at headings.
  await expect(dialog.locator('.page-results mark').first()).toBeVisible(LOADED);
  await expect(dialog.locator('.sub-results a[href*="#"]').first()).toBeVisible(LOADED);
  await expect(dialog.getByRole('status')).toContainText('label delay', LOADED);
  expect(searchRequests.some((p) => p.endsWith('/pagefind/pagefind.js'))).toBe(true);
  expect(searchRequests.some((p) => p.endsWith('/questions/search-index.json'))).toBe(true);

  // Arrow keys walk the result links in order, Up from the first goes back to the query.
  const links = dialog.locator('.search-list a');
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(dialog.getByRole('textbox')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const target = await links.nth(1).getAttribute('href');
  expect(target).toBeTruthy();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL((url) => `${url.pathname}${url.hash}` === target);
  expect(csp).toEqual([]);
});

test('Enter in the query opens the best result', async ({ page }) => {
  await page.goto('/');
  const dialog = await openWithShortcut(page);
  // A question of the index, typed as written: its concept must come first whatever else the content adds.
  const query = 'If the model does not answer in time, what should happen?';
  await page.keyboard.type(query);
  // Read the best result only once both searches have answered the whole query: under load the
  // debounce can fire mid-typing, and a list for "how fast" is not the list Enter acts on.
  await expect(dialog.getByRole('status')).toContainText(`for “${query}”`, LOADED);
  const best = await dialog.locator('.search-list a').first().getAttribute('href');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL((url) => `${url.pathname}${url.hash}` === best, LOADED);
  expect(best).toMatch(/^\/phases\/constraints\/#latency-budget$/u);
});

test('Escape closes the dialog and focus returns to the trigger; the button opens it too', async ({ page }) => {
  await page.goto(GUIDE);
  const trigger = page.locator('search-trigger > button');
  await expect(trigger).toBeEnabled();
  // Keyboard only: reach the button with Tab and open it with Enter.
  await trigger.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Search the guides' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox')).toBeFocused();
  await page.keyboard.type('scale');
  await expect(dialog.locator('.search-list a').first()).toBeVisible(LOADED);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();

  await openWithShortcut(page);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();
});

test('the entry file is fetched with the build’s cache tag, not a timestamp', async ({ page }) => {
  const entries: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('pagefind-entry.json')) entries.push(r.url());
  });
  await page.goto(GUIDE);
  const tag = await page.locator('search-dialog').getAttribute('data-cache-tag');
  expect(tag).toMatch(/^[0-9a-f]{16}$/u);
  const dialog = await openWithShortcut(page);
  await page.keyboard.type('latency');
  await expect(dialog.locator('.page-results > li').first()).toBeVisible(LOADED);
  expect(entries.map((u) => new URL(u).searchParams.get('ts'))).toEqual([tag]);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no violation in the open dialog with results, ${theme} theme`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.addInitScript((t) => localStorage.setItem('vibe-check:theme', t), theme);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(GUIDE);
    const dialog = await openWithShortcut(page);
    await page.keyboard.type('metrics');
    await expect(dialog.locator('.page-results > li').first()).toBeVisible(LOADED);
    const result = await new AxeBuilder({ page })
      .include('dialog')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  });
}

test('under BASE_PATH=/vibe/ search loads from and links into /vibe/', async ({ page }) => {
  const csp = watchCsp(page);
  const base = vibeBaseUrl();
  const searchRequests = watchSearchRequests(page);
  await page.goto(new URL(`.${GUIDE}`, base).href);
  await expect(page.locator('search-trigger > button')).toBeEnabled();
  const dialog = await openWithShortcut(page);
  await page.keyboard.type('label delay');
  await expect(dialog.locator('.page-results > li').first()).toBeVisible(LOADED);
  await expect(dialog.locator('[data-concepts] li').first()).toBeVisible(LOADED);
  expect(searchRequests.length).toBeGreaterThan(0);
  expect(searchRequests.every((p) => p.startsWith('/vibe/'))).toBe(true);
  const hrefs = await dialog.locator('.search-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(href).toMatch(/^\/vibe\//u);
  expect(csp).toEqual([]);
});
