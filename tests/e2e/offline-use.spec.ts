import { builtPages } from './support/built-site.ts';
import { expect, test } from './support/fixtures.ts';
import { openReview, rateCard, SITES, storedRatings, visitOnce, watchCsp } from './offline-support.ts';

test.use({ serviceWorkers: 'allow' });
test.describe.configure({ timeout: 180_000 });

for (const site of SITES) {
  test(`on a plane, ${site.name}: a new guide, two reviews kept across a reload, both searches`, async ({
    page,
    context,
    baseURL,
  }) => {
    const root = site.url(baseURL);
    const at = (path: string) => new URL(path, root).href;
    const csp = watchCsp(page);
    await visitOnce(page, root);
    await context.setOffline(true);

    await test.step('read a guide never visited', async () => {
      const pages = builtPages(site.dir());
      const guide = pages.find((p) => p === '/phases/constraints/') ?? pages.find((p) => p.split('/').length === 4);
      await page.goto(at(guide?.slice(1) ?? ''));
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator('main')).not.toBeEmpty();
    });

    await test.step('review two cards, reload, both reviews kept', async () => {
      await openReview(page, at('review/'));
      const counts = page.locator('[data-counts]');
      const before = await counts.innerText();
      await rateCard(page, '4');
      await rateCard(page, '4');
      const after = await counts.innerText();
      expect(after).not.toBe(before);
      await page.reload();
      await expect(page.getByRole('button', { name: /Show answer/ })).toBeEnabled({ timeout: 20_000 });
      await expect(counts).toHaveText(after);
      expect(await storedRatings(page)).toBe(2);
    });

    await test.step('search by question, from a shared ?q= link', async () => {
      await page.goto(at('questions/?q=latency'));
      await expect(page.getByLabel('Your interview question, in your own words')).toHaveValue('latency');
      const first = page.locator('.qs-results a').first();
      await expect(first).toBeVisible({ timeout: 20_000 });
      expect(new URL((await first.getAttribute('href')) ?? '', root).pathname.startsWith(site.base)).toBe(true);
    });

    await test.step('search every guide with Ctrl+K', async () => {
      await page.goto(root);
      await expect(page.getByRole('button', { name: 'Search' })).toBeEnabled();
      await page.keyboard.press('Control+k');
      const input = page.getByRole('textbox', { name: 'Search the guides' });
      await expect(input).toBeFocused();
      await input.fill('latency budget');
      const hit = page.locator('.page-results a').first();
      await expect(hit).toBeVisible({ timeout: 20_000 });
      await hit.click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(new URL(page.url()).pathname.startsWith(site.base)).toBe(true);
    });

    expect(csp).toEqual([]);
  });
}
