import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { PROGRESS_FORMAT, PROGRESS_SCHEMA_VERSION } from '../../src/lib/review-log/schema.ts';
import { expect as baseExpect, test } from './support/fixtures.ts';
import { chooseProgressFile } from './support/choose-progress-file.ts';

// Issue 22: far interview dates broke the plan (2200: "Maximum call stack size exceeded"; 9999: 39 s,
// then a failure and a hung /review/stats/; interview.at = 9e15 in a file: "NaN new cards a day …
// Invalid Date"), and a margin longer than the days left named a day already past. Issue 23: the
// plan's worker is started once per page and kept, never run twice for one submit.

const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 120_000 });
test.use({ timezoneId: 'UTC' });

const DAY = 86_400_000;
// 08:00 UTC on 1 March 2026: study day 0 began at 04:00.
const NOW = Date.UTC(2026, 2, 1, 8, 0);

async function openPlan(page: Page): Promise<void> {
  await page.goto('/review/');
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeEnabled();
  await page.getByText('Interview plan', { exact: true }).click();
  await expect(page.getByRole('button', { name: 'Save date' })).toBeEnabled();
}

/** Counts the plan workers the page starts. */
function countPlanWorkers(page: Page): () => number {
  let started = 0;
  page.on('worker', (worker) => {
    if (/plan-worker/u.test(worker.url())) started++;
  });
  return () => started;
}

function progressFile(path: string, interview: { at: number; marginDays: number }): string {
  writeFileSync(
    path,
    JSON.stringify({
      format: PROGRESS_FORMAT,
      schemaVersion: PROGRESS_SCHEMA_VERSION,
      exportedAt: NOW - DAY,
      settings: { newPerDay: 20, desiredRetention: 0.9, maximumInterval: 36500, interview },
      log: [],
    }),
  );
  return path;
}

test('a date more than 2 years ahead is refused with the bound; the plan stays, from one kept worker', async ({
  page,
}) => {
  await page.clock.install({ time: NOW });
  const planWorkers = countPlanWorkers(page);
  await openPlan(page);
  const view = page.locator('[data-plan-view]');
  await expect(view).toContainText('Set the date of your interview');
  await page.getByLabel('Interview date').fill('2026-03-15');
  await page.getByRole('button', { name: 'Save date' }).click();
  await expect(page.locator('[data-plan-figure]')).toContainText('(3 days before the interview)');
  for (const date of ['2200-01-01', '9999-12-31', '2028-03-02']) {
    await page.getByLabel('Interview date').fill(date);
    await page.getByRole('button', { name: 'Save date' }).click();
    await expect(page.locator('[data-plan-error]')).toHaveText(
      'The interview date is more than 2 years away: the plan works to a date at most 730 days ahead.',
    );
    // The plan drawn before is still there: the refused form changed nothing.
    await expect(page.locator('[data-plan-figure]')).toContainText('(3 days before the interview)');
  }
  // Two years ahead, less a day, is taken.
  await page.getByLabel('Interview date').fill('2028-02-28');
  await page.getByRole('button', { name: 'Save date' }).click();
  await expect(page.locator('[data-plan-error]')).toHaveText('');
  await expect(view).toContainText(/to (28 February|February 28)/u);
  // Every report (first draw, two saves, three refusals) came from the one worker.
  expect(planWorkers()).toBe(1);
});

test('an interview tomorrow with a 60-day margin: every card today, and why', async ({ page }) => {
  await page.clock.install({ time: NOW });
  await openPlan(page);
  await page.getByLabel('Interview date').fill('2026-03-02');
  await page.getByLabel(/Days of margin/).fill('60');
  await page.getByRole('button', { name: 'Save date' }).click();
  await expect(page.locator('[data-plan-figure]')).toHaveText(
    /^Introduce every card by today \(\d[\d,]* new cards\): the interview is in 1 day, less than the 60-day margin\.$/u,
  );
});

test('a file with interview.at = 9e15 is refused at that field; one dated 9999 imports and the plan says it is too far', async ({
  page,
}, testInfo) => {
  await page.clock.install({ time: NOW });
  await page.goto('/review/');
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeEnabled();
  await chooseProgressFile(page, progressFile(testInfo.outputPath('no-date.json'), { at: 9e15, marginDays: 3 }));
  await expect(page.locator('[data-import-error]')).toHaveText(
    /^This progress file is damaged at settings\.interview\.at: .*Nothing was changed\.$/u,
  );

  const far = progressFile(testInfo.outputPath('year-9999.json'), { at: Date.UTC(9999, 11, 31, 9), marginDays: 3 });
  await chooseProgressFile(page, far);
  // Replacing takes the file's settings, interview date included (merging keeps this browser's).
  await page.locator('input[name="import-mode"][value="replace"]').check();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.locator('[data-import-status]')).toContainText('Progress replaced');
  await page.getByText('Interview plan', { exact: true }).click();
  await expect(page.locator('[data-plan-view]')).toHaveText(
    'Your interview date is more than 730 days away, further than the plan works to: set a date within 2 years to see one.',
  );
  // The stats page's map is drawn, not hung.
  await page.goto('/review/stats/');
  await expect(page.locator('recall-map [data-map-status]')).toContainText('Predicted recall');
});
