import AxeBuilder from '@axe-core/playwright';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expectAxeClean } from './support/axe-page.ts';
import { watchCsp } from './support/csp.ts';
import { brokenLinks, builtPages, distDir, guidePagesBySection, readPage, vibeDistDir } from './support/built-site.ts';
import { expect, test } from './support/fixtures.ts';
import { SECTION_IDS } from '../../src/lib/sections.ts';

const pages = builtPages();
// From the section list itself, so a new section's pages are walked and checked without editing this file.
const SECTION = `(${SECTION_IDS.join('|')})`;
const guidePages = pages.filter((p) => new RegExp(`^/${SECTION}/[^/]+/$`, 'u').test(p));
const sectionPages = pages.filter((p) => new RegExp(`^/${SECTION}/$`, 'u').test(p));
const sectionOf = (path: string) => path.split('/')[1];
// The fixture site (tests/e2e/support/fixture-site.ts); the real guides are walked by tests/e2e/smoke/.

test('the build has the home, about, review, questions, 404 and guide pages', () => {
  for (const p of ['/', '/about/', '/review/', '/questions/', '/404.html']) expect(pages).toContain(p);
  expect(guidePages.length).toBeGreaterThan(0);
});

test('the sidebar lists the current section’s guides and one link per section; prev/next walk every guide', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const first = guidePages.find((p) => sectionOf(p) === 'start-here') ?? guidePages[0] ?? '/';
  await page.goto(first);
  const sidebarLinks = await page
    .locator('nav[aria-label="Guides"] a')
    .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  const sameSection = guidePages.filter((p) => sectionOf(p) === sectionOf(first));
  expect([...sidebarLinks].sort()).toEqual([...sectionPages, ...sameSection].sort());
  await expect(page.locator('nav[aria-label="Guides"] a[aria-current="page"]')).toHaveAttribute('href', first);
  // Start from the first guide in reading order and follow "Next" to the end.
  const firstInOrder = sidebarLinks.find((p) => guidePages.includes(p));
  await page.goto(firstInOrder ?? '/');
  const visited: string[] = [];
  for (let i = 0; i <= guidePages.length; i++) {
    visited.push(new URL(page.url()).pathname);
    const next = page.locator('a[rel="next"]');
    if ((await next.count()) === 0) break;
    // Wait for the next page itself: reading the URL or links mid-navigation is a race.
    const href = await next.getAttribute('href');
    await next.click();
    await page.waitForURL((url) => url.pathname === href);
  }
  expect(visited).toHaveLength(guidePages.length);
  expect(new Set(visited).size).toBe(guidePages.length);
});

test('every section has an index page listing its guides, axe-clean in both themes', async ({ page }) => {
  test.setTimeout(120_000);
  expect(sectionPages.map(sectionOf).sort()).toEqual([...new Set(guidePages.map(sectionOf))].sort());
  for (const section of sectionPages) {
    await page.goto(section);
    const listed = await page
      .locator('main .section-guides a')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect([...listed].sort()).toEqual(guidePages.filter((p) => sectionOf(p) === sectionOf(section)).sort());
    await expect(page.locator('nav[aria-label="Guides"] a[aria-current="page"]')).toHaveAttribute('href', section);
  }
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((t) => (document.documentElement.dataset['theme'] = t), theme);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${theme}: ${v.id}`)).toEqual([]);
  }
});

test('the home page presents every Building blocks guide, in the section’s reading order', async ({ page }) => {
  await page.goto('/building-blocks/');
  const inSection = await page
    .locator('main .section-guides a')
    .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(inSection.length).toBeGreaterThan(0);
  await page.goto('/');
  const block = page.getByRole('region', { name: /Building blocks/ });
  const onHome = await block
    .getByRole('link')
    .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(onHome).toEqual(inSection);
});

test('the theme toggle persists across pages and reloads without a flash', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const toggle = page.locator('theme-toggle button');
  await expect(toggle).toBeEnabled();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(20, 22, 26)');
  // The stored theme must already apply before any module script runs on the next page.
  await page.route('**/*.js', (route) => route.abort());
  await page.goto(guidePages[0] ?? '/about/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.unroute('**/*.js');
  await page.reload();
  await expect(page.locator('theme-toggle button')).toHaveAttribute('aria-pressed', 'true');
});

test('the theme follows the OS when the reader has not chosen', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/about/');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(20, 22, 26)');
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
});

test('keyboard only: skip link, then Tab reaches the guide links with a visible focus ring', async ({ page }) => {
  await page.goto(guidePages[0] ?? '/');
  await page.keyboard.press('Tab');
  const skip = page.locator('.skip-link');
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
  // After the skip link, tabbing lands inside main before it reaches the footer.
  let inMain = false;
  for (let i = 0; i < 30 && !inMain; i++) {
    await page.keyboard.press('Tab');
    inMain = await page.evaluate(() => document.activeElement?.closest('main') !== null);
  }
  expect(inMain).toBe(true);
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
  expect(outline).not.toBe('none');
});

test('every heading in a guide has an id and an anchor link to it', async ({ page }) => {
  for (const path of guidePages.slice(0, 5)) {
    await page.goto(path);
    const headings = await page
      .locator('main article :is(h2, h3)')
      .evaluateAll((hs) =>
        hs.map((h) => ({ id: h.id, anchor: h.querySelector('a.heading-anchor')?.getAttribute('href') })),
      );
    for (const h of headings) {
      expect(h.id, `${path} has a heading without id`).not.toBe('');
      expect(h.anchor).toBe(`#${h.id}`);
    }
  }
});

test('a phone-width page has no horizontal scroll and a collapsed menu', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ['/', guidePages[0] ?? '/about/', '/about/']) {
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${path} scrolls sideways at 360 px`).toBeLessThanOrEqual(0);
  }
  await page.goto(guidePages[0] ?? '/');
  await expect(page.locator('.sidebar-details')).not.toHaveAttribute('open', '');
});

test('the guide text does not move when scripts run (no layout shift from the menu)', async ({ browser, baseURL }) => {
  const path = guidePages[0] ?? '/about/';
  const headingTop = async (javaScriptEnabled: boolean, width: number) => {
    const context = await browser.newContext({
      baseURL: baseURL ?? '',
      javaScriptEnabled,
      viewport: { width, height: 800 },
    });
    const page = await context.newPage();
    await page.goto(path);
    const top = await page.locator('main h1').evaluate((h) => h.getBoundingClientRect().top);
    const linksVisible = await page.locator('nav[aria-label="Guides"] li a').first().isVisible();
    await context.close();
    return { top, linksVisible };
  };
  for (const width of [360, 1280]) {
    const withoutScripts = await headingTop(false, width);
    const withScripts = await headingTop(true, width);
    expect(withScripts.top, `h1 moved at ${width} px`).toBe(withoutScripts.top);
    expect(withoutScripts.linksVisible, `guide links at ${width} px without scripts`).toBe(width > 800);
  }
});

test('an unknown URL gets the 404 page with status 404', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Page not found');
});

test('no page requests another origin and the CSP reports no violation', async ({ page, baseURL }) => {
  const origin = new URL(baseURL ?? '').origin;
  const foreign: string[] = [];
  const violations = watchCsp(page);
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))
      foreign.push(r.url());
  });
  for (const path of ['/', guidePages[0] ?? '/about/', '/about/', '/review/', '/questions/']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  expect(foreign).toEqual([]);
  expect(violations).toEqual([]);
});

test('no broken internal link or anchor anywhere in the build', () => {
  expect(brokenLinks(distDir())).toEqual([]);
});

test('a build under BASE_PATH=/vibe/ keeps every link, asset and script under /vibe/', () => {
  const dir = vibeDistDir();
  expect(
    existsSync(join(dir, 'index.html')),
    `${dir} must be built with BASE_PATH=/vibe/ (npm run test:e2e does)`,
  ).toBe(true);
  const outside: string[] = [];
  for (const from of builtPages(dir)) {
    const html = readPage(from, dir);
    for (const [, attr, value = ''] of html.matchAll(/\s(href|src|action|content)="(\/[^"]*)"/g)) {
      if (!value.startsWith('/vibe/')) outside.push(`${from}: ${attr}="${value}"`);
    }
  }
  expect(outside).toEqual([]);
});

/**
 * Axe on one page of each kind: every page that is not a guide or a section index,
 * one section index, and the first guide of each section (the fixture's guides share
 * their components; the real guides get the same sample in tests/e2e/smoke/).
 */
const axePages = [
  ...pages.filter((p) => !guidePages.includes(p) && !sectionPages.includes(p)),
  ...sectionPages.slice(0, 1),
  ...[...guidePagesBySection(guidePages, SECTION_IDS).values()].map((inSection) => inSection[0] ?? '/'),
];

// One test per page and theme, so a slow machine spreads them over the workers.
for (const theme of ['light', 'dark'] as const) {
  for (const path of axePages) {
    test(`axe finds no violation on ${path} in the ${theme} theme`, async ({ page }) => {
      test.setTimeout(90_000);
      await expectAxeClean(page, path, theme);
    });
  }
}
