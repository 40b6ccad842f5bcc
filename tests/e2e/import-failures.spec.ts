import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { HISTORY_KEY } from '../../src/lib/drill/storage.ts';
import type { DrillRecord } from '../../src/lib/drill/schema.ts';
import { PROGRESS_FORMAT, PROGRESS_SCHEMA_VERSION } from '../../src/lib/review-log/schema.ts';
import { entry } from '../fixtures/review/entries.ts';
import { chooseProgressFile } from './support/choose-progress-file.ts';
import { expect as baseExpect, test } from './support/fixtures.ts';
import { storedLog } from './support/stored-log.ts';

// Issue 22: a replace import of 20,000 drills reported success while localStorage refused them (the
// file's drills were lost), and a refusal quoted a 1 MB key whole into the page.

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 120_000 });

const NOW = Date.UTC(2026, 2, 1, 8, 0);

const drill = (i: number, title = 'Fraud detection'): DrillRecord => ({
  id: `drill-${i}`,
  promptId: 'prompts/fraud-detection',
  promptTitle: title,
  format: 45,
  startedAt: NOW - 100 * 86_400_000 + i * 60_000,
  phaseMs: [300_000, 600_000, 900_000, 600_000, 300_000],
  scores: [3, 3, 2, 4, 3],
  archetypes: ['jumping-to-models'],
  questionsCovered: 4,
  questionCount: 6,
});

function writeFile(path: string, contents: Record<string, unknown>): string {
  writeFileSync(
    path,
    JSON.stringify({
      format: PROGRESS_FORMAT,
      schemaVersion: PROGRESS_SCHEMA_VERSION,
      exportedAt: NOW - 86_400_000,
      settings: { newPerDay: 20, desiredRetention: 0.9, maximumInterval: 36500 },
      log: [],
      ...contents,
    }),
  );
  return path;
}

async function openReview(page: Page): Promise<void> {
  await page.clock.install({ time: NOW });
  await page.goto('/review/');
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeEnabled();
}

const storedDrills = (page: Page) =>
  page.evaluate(
    (key) => (JSON.parse(localStorage.getItem(key) ?? '[]') as { id: string }[]).map((d) => d.id),
    HISTORY_KEY,
  );

test('a replace import whose 20,000 drills do not fit in localStorage says so and changes nothing', async ({
  page,
}, testInfo) => {
  await openReview(page);
  const first = writeFile(testInfo.outputPath('mine.json'), {
    log: [entry('card-a', 3, NOW - 2 * 86_400_000), entry('card-b', 4, NOW - 86_400_000)],
    drills: [drill(1)],
  });
  await chooseProgressFile(page, first);
  await page.locator('input[name="import-mode"][value="replace"]').check();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.locator('[data-import-status]')).toContainText('Progress replaced: 2 reviews now stored.');
  expect(await storedDrills(page)).toEqual(['drill-1']);

  // 20,000 drills of about 600 characters: some 12 million characters, over Chromium's localStorage quota.
  const drills = Array.from({ length: 20_000 }, (_, i) => drill(i + 10, `Fraud detection ${'·'.repeat(280)}`));
  const big = writeFile(testInfo.outputPath('many-drills.json'), {
    log: [entry('card-c', 3, NOW - 86_400_000)],
    drills,
  });
  await chooseProgressFile(page, big);
  await page.locator('input[name="import-mode"][value="replace"]').check();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.locator('[data-import-error]')).toHaveText(
    'The import could not be saved: the file’s drill history (20,000 drills) does not fit in this browser’s storage for drills (or it is blocked). Nothing was changed: your reviews and drills are as they were.',
  );
  await expect(page.locator('[data-import-status]')).not.toContainText('Progress replaced');
  expect(await storedDrills(page)).toEqual(['drill-1']);
  expect((await storedLog(page)).map((e) => e.cardId).sort()).toEqual(['card-a', 'card-b']);
});

test('a refusal quotes at most a few dozen characters of a 1 MB key', async ({ page }, testInfo) => {
  await openReview(page);
  const key = 'k'.repeat(1_000_000);
  await chooseProgressFile(page, writeFile(testInfo.outputPath('huge-key.json'), { visits: { [key]: -1 } }));
  const error = page.locator('[data-import-error]');
  await expect(error).toContainText('This progress file is damaged at visits.kkkkkkkk');
  await expect(error).toContainText('(1,000,000 characters)');
  expect(((await error.textContent()) ?? '').length).toBeLessThan(400);
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(20_000);
});
