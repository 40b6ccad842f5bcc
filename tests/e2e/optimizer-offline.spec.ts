import { writeFileSync } from 'node:fs';
import { default_w } from 'ts-fsrs';
import { PROGRESS_FORMAT, PROGRESS_SCHEMA_VERSION } from '../../src/lib/review-log/schema.ts';
import { syntheticLog } from '../fixtures/plan/synthetic-log.ts';
import { chooseProgressFile } from './support/choose-progress-file.ts';
import { expect as baseExpect, test } from './support/fixtures.ts';

// Issue 22: Optimize offline before its first use said only "its worker failed to start". The optimizer
// (its worker and 1.7 MB of WASM) is fetched on first use, so the message says it needs the network once.

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 120_000 });

const DAY = 86_400_000;

test('Optimize offline before first use says it needs the network once, and the parameters are unchanged', async ({
  page,
  context,
}, testInfo) => {
  const start = Date.UTC(2026, 0, 5, 9);
  const file = testInfo.outputPath('synthetic-progress.json');
  writeFileSync(
    file,
    JSON.stringify({
      format: PROGRESS_FORMAT,
      schemaVersion: PROGRESS_SCHEMA_VERSION,
      exportedAt: start + 241 * DAY,
      settings: { newPerDay: 20, desiredRetention: 0.9, maximumInterval: 36500 },
      log: syntheticLog({ parameters: default_w, cards: 200, days: 240, start, seed: 7 }),
    }),
  );
  await page.clock.install({ time: start + 242 * DAY });
  await page.goto('/review/');
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeEnabled();
  await chooseProgressFile(page, file);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.locator('[data-import-status]')).toContainText('Imported');
  await page.getByText('Interview plan', { exact: true }).click();
  await expect(page.getByRole('button', { name: 'Optimize' })).toBeEnabled();

  await context.setOffline(true);
  await page.getByRole('button', { name: 'Optimize' }).click();
  await expect(page.locator('[data-optimizer-status]')).toHaveText(
    'The optimizer could not start. It is downloaded the first time you use it, so that needs the network once: connect and try again. Your parameters are unchanged.',
  );
  await expect(page.getByRole('button', { name: 'Optimize' })).toBeEnabled();
  await expect(page.locator('[data-optimizer-result]')).toHaveText('');
});
