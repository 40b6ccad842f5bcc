import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { distDir } from '../support/built-site.ts';
import { chooseProgressFile } from '../support/choose-progress-file.ts';
import { expect as baseExpect, test } from '../support/fixtures.ts';

// A 150,000-entry progress file: minutes of parsing and merging on a busy 2-core machine,
// so it runs in the slow project (started first), apart from reliability.spec.ts.

const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 180_000 });

const deck = JSON.parse(readFileSync(join(distDir(), 'deck.json'), 'utf8')) as {
  cards: { id: string; hash: string }[];
};

test('while a large file is read, the page shows progress and leaving asks first', async ({ page }) => {
  await page.goto('/review/');
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeEnabled();
  const first = deck.cards[0];
  if (!first) throw new Error('The fixture deck has no card');
  const log = Array.from({ length: 150_000 }, (_, i) => ({
    id: `bulk${String(i).padStart(8, '0')}`,
    cardId: first.id,
    rating: 3,
    reviewedAt: Date.UTC(2025, 0, 1) + i * 60_000,
    cardHash: first.hash,
  }));
  mkdirSync(test.info().outputDir, { recursive: true });
  const path = join(test.info().outputDir, 'large.json');
  writeFileSync(
    path,
    JSON.stringify({
      format: 'vibe-check-progress',
      schemaVersion: 1,
      exportedAt: Date.now(),
      settings: { newPerDay: 20, desiredRetention: 0.9, maximumInterval: 36500 },
      log,
    }),
  );
  await chooseProgressFile(page, path);
  await expect(page.locator('[data-import-progress]')).toBeVisible();
  const dialog = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const asked = await dialog;
  expect(asked.type()).toBe('beforeunload');
  await asked.dismiss();
  await expect(page.locator('[data-import-summary]')).toContainText(/holds 150,?000 reviews/, { timeout: 120_000 });
  await expect(page.locator('[data-import-progress]')).toBeHidden();
});
