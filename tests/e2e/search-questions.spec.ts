import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { watchCsp } from './support/csp.ts';
import { expect, test, vibeBaseUrl } from './support/fixtures.ts';
import { GUIDE_HEADING } from './support/fixture-site.ts';

const results = (page: Page) => page.locator('main ol > li');

test('?q= pre-fills and runs the search: concepts best first, with the known questions that matched', async ({
  page,
}) => {
  const csp = watchCsp(page);
  // A question of the index, as written: its concept comes first whatever other pages the content adds.
  const query = 'If the model does not answer in time, what should happen?';
  await page.goto(`/questions/?q=${encodeURIComponent(query)}`);
  const input = page.getByRole('searchbox', { name: /your interview question/i });
  await expect(input).toHaveValue(query);
  await expect(results(page).first()).toBeVisible();
  const first = results(page).first();
  await expect(first.getByRole('link')).toHaveAttribute('href', GUIDE_HEADING);
  await expect(first.getByRole('link')).toHaveText('Constraints › Latency budget');
  await expect(first.getByRole('list', { name: 'Known questions' }).getByRole('listitem').first()).toBeVisible();
  await expect(page.getByRole('status')).toContainText(query);
  expect(csp).toEqual([]);
});

test('typing updates the results and the shareable URL', async ({ page }) => {
  await page.goto('/questions/');
  const input = page.getByRole('searchbox', { name: /your interview question/i });
  await expect(input).toBeEnabled();
  await input.fill('when do chargebacks arrive');
  await expect(page).toHaveURL(/\?q=when\+do\+chargebacks\+arrive$/u);
  await expect(results(page).first().getByRole('link')).toHaveAttribute('href', /^\/prompts\/fraud-detection\//u);
  const shared = page.url();
  await input.fill('');
  await expect(page).toHaveURL(/\/questions\/$/u);
  await expect(results(page)).toHaveCount(0);
  // The shared URL reproduces the same results.
  await page.goto(shared);
  await expect(results(page).first().getByRole('link')).toHaveAttribute('href', /^\/prompts\/fraud-detection\//u);
});

test('keyboard only: Tab to the query, type, Tab to a result, Enter opens the concept', async ({ page }) => {
  await page.goto('/questions/');
  test.setTimeout(60_000);
  await expect(page.getByRole('searchbox')).toBeEnabled();
  // The skip link, then the first control of the page.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('searchbox')).toBeFocused();
  await page.keyboard.type('what if nobody has labels at all');
  await expect(results(page).first()).toBeVisible();
  await page.keyboard.press('Tab');
  const link = results(page).first().getByRole('link');
  await expect(link).toBeFocused();
  const href = await link.getAttribute('href');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL((url) => `${url.pathname}${url.hash}` === href);
});

test('a guide page links to the questions that lead to it, listed section by section', async ({ page }) => {
  await page.goto('/phases/constraints/');
  const lead = page.getByRole('link', { name: /interview questions? leads? here/ });
  await expect(lead).toHaveAttribute('href', '/questions/?concept=%2Fphases%2Fconstraints%2F');
  await lead.click();
  await expect(page.getByRole('status')).toContainText('Questions that lead to “Constraints”');
  const links = results(page).getByRole('link');
  await expect(links.first()).toBeVisible();
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  for (const href of hrefs) expect(href).toMatch(/^\/phases\/constraints\/(#[a-z0-9-]+)?$/u);
  expect(hrefs).toContain(GUIDE_HEADING);
});

test('nothing found says so', async ({ page }) => {
  await page.goto('/questions/?q=zzzxqj');
  await expect(page.getByRole('status')).toContainText('No concept matches');
  await expect(results(page)).toHaveCount(0);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no violation on /questions/ with results, ${theme} theme, 360 px wide`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.addInitScript((t) => localStorage.setItem('vibe-check:theme', t), theme);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/questions/?q=label%20delay');
    await expect(results(page).first()).toBeVisible();
    const result = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test('under BASE_PATH=/vibe/ the index loads from and results link into /vibe/', async ({ page }) => {
  const csp = watchCsp(page);
  await page.goto(new URL('./questions/?q=label%20delay', vibeBaseUrl()).href);
  await expect(results(page).first()).toBeVisible();
  const hrefs = await results(page)
    .getByRole('link')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  for (const href of hrefs) expect(href).toMatch(/^\/vibe\//u);
  expect(csp).toEqual([]);
});
