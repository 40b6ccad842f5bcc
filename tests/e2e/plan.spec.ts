import AxeBuilder from '@axe-core/playwright';
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { default_w } from 'ts-fsrs';
import { PROGRESS_FORMAT, PROGRESS_SCHEMA_VERSION } from '../../src/lib/review-log/schema.ts';
import { syntheticLog } from '../fixtures/plan/synthetic-log.ts';
import { builtDeck } from './support/built-site.ts';
import { expect as baseExpect, test } from './support/fixtures.ts';
import { chooseProgressFile } from './support/choose-progress-file.ts';

const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 120_000 });
test.use({ timezoneId: 'UTC' });

const DAY = 86_400_000;
const deck = builtDeck();
// 08:00 UTC on 1 March 2026: study day 0 began at 04:00.
const NOW = Date.UTC(2026, 2, 1, 8, 0);

/** axe on `selector` in both themes: contrast must hold in light and dark. */
async function expectAccessible(page: Page, selector: string): Promise<void> {
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => (document.documentElement.dataset['theme'] = t), theme);
    const results = await new AxeBuilder({ page }).include(selector).analyze();
    expect(results.violations.map((v) => `${theme}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  }
}

async function openPlan(page: Page): Promise<void> {
  await page.goto('/review/');
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeEnabled();
  await page.getByText('Interview plan', { exact: true }).click();
  await expect(page.getByRole('button', { name: 'Save date' })).toBeEnabled();
}

test('a date 14 days ahead on a fresh profile: the plan shows the new cards a day, kept after a reload', async ({
  page,
}) => {
  await page.clock.install({ time: NOW });
  await openPlan(page);
  await expect(page.locator('[data-plan-view]')).toContainText('Set the date of your interview');
  await page.getByLabel('Interview date').fill('2026-03-15');
  await page.getByRole('button', { name: 'Save date' }).click();
  // 14 study days to the interview, 3 of margin: cards are introduced on days 0–11.
  const perDay = Math.ceil(deck.cards.length / 12);
  await expect(page.locator('[data-plan-figure]')).toHaveText(
    new RegExp(
      `^Introduce ${perDay} new cards a day until Thu, (12 Mar|Mar 12) \\(3 days before the interview\\)\\.$`,
      'u',
    ),
  );
  // More than the default 20 new cards a day is tight, and it says what to change; fewer is on track.
  // The verdict follows from the deck's size, so it is computed, not assumed.
  if (perDay > 20) {
    await expect(page.locator('[data-plan-verdict]')).toHaveAttribute('data-plan-verdict', 'tight');
    await expect(page.locator('[data-plan-view]')).toContainText(`Raise “New cards per day” in Settings to ${perDay}.`);
  } else {
    await expect(page.locator('[data-plan-verdict]')).toHaveAttribute('data-plan-verdict', 'on-track');
  }
  await expect(page.locator('[data-plan-readiness]')).toContainText('you would recall 0% of the cards in scope');
  await expect(page.getByRole('img', { name: /Projected reviews a day/ })).toBeVisible();
  await expectAccessible(page, 'interview-plan');

  // Stored with the settings: a reload shows the same date and plan.
  await openPlan(page);
  await expect(page.getByLabel('Interview date')).toHaveValue('2026-03-15');
  await expect(page.locator('[data-plan-figure]')).toContainText(`Introduce ${perDay} new cards a day`);

  // Past the date: no plan, and the review is back to the normal 20 new cards a day.
  await page.clock.setSystemTime(Date.UTC(2026, 2, 16, 8, 0));
  await openPlan(page);
  await expect(page.locator('[data-plan-view]')).toContainText('Your interview date has passed');
  await expect(page.locator('[data-counts]')).toHaveText('New 20 · Learning 0 · Due 0');
});

test('a date in the past or 0 minutes a day is refused with a clear message, and nothing is saved', async ({
  page,
}) => {
  await page.clock.install({ time: NOW });
  await openPlan(page);
  await page.getByLabel('Interview date').fill('2026-02-20');
  await page.getByRole('button', { name: 'Save date' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The interview date is in the past' })).toBeVisible();
  await page.getByLabel('Interview date').fill('2026-03-15');
  await page.getByLabel(/Minutes a day/).fill('0');
  await page.getByRole('button', { name: 'Save date' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Minutes a day is a whole number from 1' })).toBeVisible();
  await openPlan(page);
  await expect(page.locator('[data-plan-view]')).toContainText('Set the date of your interview');
});

test('Optimize fetches fsrs-rs only when asked, fits the imported log and applies only on agreement', async ({
  page,
}, testInfo) => {
  const start = Date.UTC(2026, 0, 5, 9);
  const truth = default_w.map((w, i) => ([0, 1, 2, 3].includes(i) ? w * 3 : i === 20 ? 0.35 : w));
  const log = syntheticLog({ parameters: truth, cards: 200, days: 240, start, seed: 7 });
  const file = testInfo.outputPath('synthetic-progress.json');
  writeFileSync(
    file,
    JSON.stringify({
      format: PROGRESS_FORMAT,
      schemaVersion: PROGRESS_SCHEMA_VERSION,
      exportedAt: start + 241 * DAY,
      settings: { newPerDay: 20, desiredRetention: 0.9, maximumInterval: 36500 },
      log,
    }),
  );
  await page.clock.install({ time: start + 242 * DAY });
  const optimizerRequests: string[] = [];
  page.on('request', (request) => {
    if (/optimizer-worker|fsrs_browser|workerHelpers/u.test(request.url())) optimizerRequests.push(request.url());
  });
  await page.goto('/review/');
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeEnabled();
  await chooseProgressFile(page, file);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.locator('[data-import-status]')).toContainText('Imported');
  await page.getByText('Interview plan', { exact: true }).click();
  await expect(page.locator('[data-optimizer-status]')).toContainText('You are using FSRS’s default parameters.');
  await expect(page.getByRole('button', { name: 'Optimize' })).toBeEnabled();
  expect(optimizerRequests).toEqual([]);
  await page.getByRole('button', { name: 'Optimize' }).click();
  const result = page.locator('[data-optimizer-result]');
  await expect(result).toContainText('log loss', { timeout: 90_000 });
  expect(optimizerRequests.some((url) => url.endsWith('.wasm'))).toBe(true);
  const text = (await result.textContent()) ?? '';
  const [, before, after] = /log loss (\d\.\d+) → (\d\.\d+)/u.exec(text) ?? [];
  console.log(`browser optimizer on the imported synthetic log: ${text}`);
  expect(Number(after)).toBeLessThan(Number(before));
  await expect(result).toContainText('The fitted parameters predict your answers better.');
  await page.getByRole('button', { name: 'Use the fitted parameters' }).click();
  await expect(result).toContainText('Applied');
  // Stored with the settings, so they travel in the progress file.
  await openPlan(page);
  await expect(page.locator('[data-optimizer-status]')).toContainText(
    'You are using parameters fitted to your reviews.',
  );
});

test('the recall map: each section a grid of its guides with the recall as text; a review raises it', async ({
  page,
}) => {
  await page.clock.install({ time: NOW });
  await page.goto('/review/stats/');
  const map = page.locator('recall-map');
  await expect(map.getByRole('heading', { name: 'Phases', level: 3 })).toBeVisible();
  // The five phases, each a cell linking to its guide and to a review of its cards.
  const phases = map.locator('.recall-section').filter({ has: page.getByRole('heading', { name: 'Phases' }) });
  await expect(phases.locator('.recall-cell')).toHaveCount(5);
  await expect(phases.locator('.recall-figure').first()).toHaveText('0%');
  await expect(phases.getByRole('link', { name: /^Review the cards of / }).first()).toHaveAttribute(
    'href',
    /\/review\/\?concepts=%2Fphases%2F/u,
  );
  await expect(map.locator('[data-map-when]')).toBeHidden();
  await expectAccessible(page, 'recall-map');

  // One card answered Good: its guide's recall is above 0 now.
  await page.goto('/review/');
  await page.getByRole('button', { name: /Show answer/ }).click();
  await page.getByRole('button', { name: /^Good/ }).click();
  await expect(page.locator('[data-counts]')).toContainText('Learning 1');
  await page.goto('/review/stats/');
  await expect(map.locator('.recall-figure').filter({ hasNotText: /^0%$/u })).toHaveCount(1);

  // With an interview set, the map shows the interview day by default and can switch to now.
  await openPlan(page);
  await page.getByLabel('Interview date').fill('2026-03-15');
  await page.getByRole('button', { name: 'Save date' }).click();
  await expect(page.locator('[data-plan-figure]')).toBeVisible();
  await page.goto('/review/stats/');
  await expect(map.locator('[data-map-status]')).toContainText('your interview, if you made no more reviews');
  await map.getByRole('radio', { name: 'now', exact: true }).check();
  await expect(map.locator('[data-map-status]')).toHaveText('Predicted recall now. Cards never studied count as 0.');
});

test('reviewing on 10 simulated days raises readiness for the interview day, day after day', async ({ page }) => {
  test.setTimeout(300_000);
  await page.clock.install({ time: NOW });
  await openPlan(page);
  await page.getByLabel('Interview date').fill('2026-03-15');
  await page.getByRole('button', { name: 'Save date' }).click();
  const readiness = page.locator('[data-plan-readiness]');
  await expect(readiness).toContainText('you would recall 0% of the cards in scope');
  const figures: number[] = [];
  for (let day = 0; day < 10; day++) {
    await page.clock.setSystemTime(NOW + day * DAY);
    await page.goto('/review/');
    const show = page.getByRole('button', { name: /Show answer/ });
    const grades = page.locator('[data-grades]');
    // Fifteen answers a day, all Good: new cards within the daily limit, then their learning steps.
    for (let answered = 0; answered < 15; answered++) {
      await expect(show).toBeEnabled();
      await page.keyboard.press('Space');
      await expect(grades).toBeVisible();
      await page.keyboard.press('3');
      await expect(grades).toBeHidden();
    }
    await openPlan(page);
    await expect(readiness).toContainText('you would recall');
    const [, percent] = /you would recall (\d+)%/u.exec((await readiness.textContent()) ?? '') ?? [];
    figures.push(Number(percent));
  }
  console.log(`readiness on the interview day after each of 10 days of review: ${figures.join('%, ')}%`);
  for (let day = 1; day < figures.length; day++) expect(figures[day]).toBeGreaterThanOrEqual(figures[day - 1] ?? 0);
  expect(figures.at(-1)).toBeGreaterThan(figures[0] ?? 0);
});
