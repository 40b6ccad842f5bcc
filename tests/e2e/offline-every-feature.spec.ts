import { expect, test } from './support/fixtures.ts';
import { openReview, rateCard, saveAllGuides, SITES, visitOnce, watchCsp } from './offline-support.ts';

test.use({ serviceWorkers: 'allow' });
// Installing the app and saving every guide is slow on a busy machine.
test.describe.configure({ timeout: 240_000 });

/** A date `days` ahead of today, as the date input takes it. */
function daysAhead(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

for (const site of SITES) {
  test(`offline, ${site.name}, every feature answers: question search, both halves of Ctrl+K, review, stats, card browser, plan, drill`, async ({
    page,
    context,
    baseURL,
  }) => {
    const root = site.url(baseURL);
    const at = (path: string) => new URL(path, root).href;
    const csp = watchCsp(page);
    await visitOnce(page, root);
    await saveAllGuides(page, root);
    await context.setOffline(true);

    await test.step('/questions/?q= finds concepts from the question index', async () => {
      await page.goto(at('questions/?q=latency'));
      await expect(page.locator('.qs-status')).toHaveText(/^\d+ concepts? for “latency”, best first\.$/u, {
        timeout: 20_000,
      });
      expect(await page.locator('.qs-results > li').count()).toBeGreaterThan(0);
    });

    await test.step('the Ctrl+K dialog answers with concepts and with pages', async () => {
      await page.goto(root);
      await expect(page.getByRole('button', { name: 'Search' })).toBeEnabled();
      await page.keyboard.press('Control+k');
      await page.getByRole('textbox', { name: 'Search the guides' }).fill('latency');
      const status = page.locator('#search-dialog-status');
      await expect(status).toHaveText(/^[1-9]\d* concepts? and [1-9]\d* pages? for “latency”/u, { timeout: 20_000 });
      await expect(page.locator('[data-concepts] .concept-link').first()).toBeVisible();
      await expect(page.locator('.page-results > li > a').first()).toBeVisible();
      await page.keyboard.press('Escape');
    });

    await test.step('/review/ shows a card and stores a rating', async () => {
      await openReview(page, at('review/'));
      await rateCard(page, '3');
    });

    await test.step('the interview plan computes a plan for a date ahead', async () => {
      await page.getByText('Interview plan', { exact: true }).click();
      await expect(page.getByRole('button', { name: 'Save date' })).toBeEnabled({ timeout: 20_000 });
      await page.getByLabel('Interview date').fill(daysAhead(30));
      await page.getByRole('button', { name: 'Save date' }).click();
      await expect(page.locator('[data-plan-figure]')).toHaveText(/^Introduce \d+ new cards? a day until /u, {
        timeout: 20_000,
      });
    });

    await test.step('/review/stats/ draws the recall map and counts the review', async () => {
      await page.goto(at('review/stats/'));
      await expect(page.locator('[data-stats-status]')).toHaveText('1 review in this browser.', { timeout: 20_000 });
      const map = page.locator('recall-map');
      await expect(map.getByRole('heading', { name: 'Phases', level: 3 })).toBeVisible({ timeout: 20_000 });
      await expect(map.locator('.recall-figure').first()).toHaveText(/^\d+%$/u);
    });

    await test.step('/review/cards/ lists the cards', async () => {
      await page.goto(at('review/cards/'));
      await expect(page.locator('[data-card-count]')).toContainText('shown of', { timeout: 20_000 });
      expect(await page.locator('[data-rows] tr').count()).toBeGreaterThan(0);
    });

    await test.step('/drill/ starts a drill', async () => {
      await page.goto(at('drill/'));
      await page.getByRole('button', { name: 'Start the drill' }).click();
      await expect(page.locator('[data-phase-title]')).toBeVisible({ timeout: 20_000 });
      await page.getByRole('button', { name: 'Show a hint question' }).click();
      await expect(page.locator('[data-hint-list] li')).toHaveCount(1);
    });

    expect(csp).toEqual([]);
  });
}
