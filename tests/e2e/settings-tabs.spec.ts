import type { Page } from '@playwright/test';
import { expect as baseExpect, test } from './support/fixtures.ts';

// A settings change (retention, maximum interval, fitted parameters, the interview date) made in one tab
// reaches every other open tab, which replays its cards with the new scheduler identity (issue 22).

const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 120_000 });
test.use({ timezoneId: 'UTC' });

// 08:00 UTC on 1 March 2026.
const NOW = Date.UTC(2026, 2, 1, 8, 0);

async function openReview(page: Page): Promise<void> {
  await page.goto('/review/');
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeEnabled();
}

async function answer(page: Page, key: '1' | '2' | '3' | '4'): Promise<void> {
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.locator('[data-grades]')).toBeVisible();
  await page.keyboard.press(key);
  await expect(page.locator('[data-grades]')).toBeHidden();
}

async function setMaximumInterval(page: Page, days: number): Promise<void> {
  await page.getByText('Settings', { exact: true }).click();
  await page.getByLabel('Maximum interval (days)').fill(String(days));
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
}

/** The fingerprint of the stored replay cache (read without ever creating the database). */
function storedFingerprint(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      new Promise<string | null>((resolve) => {
        const open = indexedDB.open('vibe-check-progress');
        open.onsuccess = () => {
          const request = open.result.transaction('meta').objectStore('meta').get('snapshot');
          request.onsuccess = () => {
            open.result.close();
            resolve((request.result as { fingerprint?: string } | undefined)?.fingerprint ?? null);
          };
        };
      }),
  );
}

/** What the page does when its tab is hidden (Playwright's pages are never hidden on their own). */
async function hide(page: Page): Promise<void> {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

test('a maximum interval saved in one /review/ tab reaches the other: its intervals and the states it saves follow', async ({
  context,
}) => {
  await context.clock.install({ time: NOW });
  const a = await context.newPage();
  const b = await context.newPage();
  await openReview(a);
  await openReview(b);
  await b.keyboard.press('Space');
  const easy = b.getByRole('button', { name: /^Easy/ });
  // A new card rated Easy waits about 8 days with FSRS's defaults.
  await expect(easy).toHaveText(/Easy\s*\d+d/u);
  await expect(easy).not.toHaveText(/Easy\s*2d/u);

  await setMaximumInterval(a, 2);
  // B was told, re-read the settings and replayed: the interval it offers is capped too.
  await expect(easy).toHaveText(/Easy\s*2d/u);
  await expect(b.getByLabel('Maximum interval (days)')).toHaveValue('2');

  // Hidden, B stores its states under the new scheduler identity, not the old one.
  await b.keyboard.press('4');
  await hide(b);
  await expect.poll(() => storedFingerprint(a)).toContain('"maximum_interval":2,');
});

test('the card browser in another tab replays under the new settings: a card due in 8 days is due in 2', async ({
  context,
}) => {
  await context.clock.install({ time: NOW });
  const review = await context.newPage();
  const cards = await context.newPage();
  await openReview(review);
  await answer(review, '4');
  await cards.goto('/review/cards/');
  await expect(cards.locator('[data-card-count]')).toContainText('shown of');
  await cards.getByLabel('State').selectOption('review');
  const due = cards.locator('[data-rows] tr .card-due');
  await expect(due).toHaveCount(1);
  await expect(due).not.toHaveText('3 Mar 2026');

  await setMaximumInterval(review, 2);
  await expect(due).toHaveText('3 Mar 2026');
  // Another tab's rating is folded in without a reload of the page (focus is on the settings form: click).
  await review.getByRole('button', { name: /Show answer/ }).click();
  await review.getByRole('button', { name: /^Easy/ }).click();
  await expect(due).toHaveText(['3 Mar 2026', '3 Mar 2026']);
});

test('an interview date saved in one tab shows in the plan of the other', async ({ context }) => {
  await context.clock.install({ time: NOW });
  const a = await context.newPage();
  const b = await context.newPage();
  for (const page of [a, b]) {
    await openReview(page);
    await page.getByText('Interview plan', { exact: true }).click();
    await expect(page.getByRole('button', { name: 'Save date' })).toBeEnabled();
  }
  await expect(b.getByLabel('Interview date')).toHaveValue('');
  await a.getByLabel('Interview date').fill('2026-03-15');
  await a.getByRole('button', { name: 'Save date' }).click();
  await expect(a.locator('[data-plan-figure]')).toContainText('new cards a day');
  await expect(b.getByLabel('Interview date')).toHaveValue('2026-03-15');
  await expect(b.locator('[data-plan-figure]')).toContainText('new cards a day');
});
