import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { builtDeck } from './support/built-site.ts';
import { expect as baseExpect, test } from './support/fixtures.ts';
import { armStorageFault, injectStorageFault, type StorageFault } from './support/storage-faults.ts';
import { chooseProgressFile } from './support/choose-progress-file.ts';
import { storedLog } from './support/stored-log.ts';
import type { DeckCard } from '../../src/lib/deck-schema.ts';

// Reviews write to IndexedDB between key presses; on a busy machine that can take a while.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 120_000 });

type Card = DeckCard;
interface Entry {
  id: string;
  cardId: string;
  rating: number;
  reviewedAt: number;
  cardHash: string;
}
const deck = builtDeck();
const SAVED = 'Progress is saved in this browser after every answer.';
const NOT_SAVED = 'Progress is NOT being saved.';

/** The stored log, read from a fresh tab that has no injected fault. */
async function storedLogUnbroken(page: Page): Promise<Entry[]> {
  const clean = await page.context().newPage();
  await clean.goto('/about/');
  const log = await storedLog(clean);
  await clean.close();
  return log;
}

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

/** A progress file holding `log`, written where the test can import it. */
function progressFile(name: string, log: readonly Entry[]): string {
  mkdirSync(test.info().outputDir, { recursive: true });
  const path = join(test.info().outputDir, name);
  const file = {
    format: 'vibe-check-progress',
    schemaVersion: 1,
    exportedAt: Date.now(),
    settings: { newPerDay: 20, desiredRetention: 0.9, maximumInterval: 36500 },
    log,
  };
  writeFileSync(path, JSON.stringify(file));
  return path;
}

const card = (index: number): Card => {
  const found = deck.cards[index];
  if (!found) throw new Error(`The deck has no card ${index}`);
  return found;
};

// 1. The status line says what happened to the last write and the last read, for every fault.
for (const [fault, message] of [
  [{ kind: 'missing' }, /not letting the site store data/],
  [{ kind: 'open-throws' }, /not letting the site store data/],
  [{ kind: 'open-fails' }, /not letting the site store data/],
  [{ kind: 'quota' }, /Storage is full/],
  [{ kind: 'abort' }, /could not be saved/],
] as [StorageFault, RegExp][]) {
  test(`storage fault "${fault.kind}": rating and saving settings never claim progress is saved`, async ({ page }) => {
    await injectStorageFault(page, fault);
    await openReview(page);
    await answer(page, '3');
    await expect(page.getByText(NOT_SAVED)).toBeVisible();
    await expect(page.getByText(SAVED)).toHaveCount(0);
    await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
    // The rating still counts for this tab.
    await expect(page.locator('[data-counts]')).toHaveText('New 19 · Learning 1 · Due 0');

    await page.getByText('Settings', { exact: true }).click();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status').filter({ hasText: /for this tab only/ })).toBeVisible();
    await expect(page.getByText('Settings saved.')).toHaveCount(0);
    await expect(page.getByText(NOT_SAVED)).toBeVisible();
    await expect(page.getByText(SAVED)).toHaveCount(0);
  });
}

// 2. The log is there but cannot be read.
test('some stored reviews cannot be read: those cards sit out, export keeps the rest, stats explain', async ({
  page,
}) => {
  await openReview(page);
  for (let i = 0; i < 3; i++) await answer(page, '4');
  const log = await storedLog(page);
  const broken = log.find((e) => e.cardId === card(0).id);
  if (!broken) throw new Error('The first card was not reviewed');
  await armStorageFault(page, { kind: 'read-fails', entries: [broken.id] });
  await openReview(page);

  await expect(
    page.getByRole('alert').filter({ hasText: /1 stored review \(of 1 card\) could not be read/ }),
  ).toBeVisible();
  await expect(page.getByText(SAVED)).toHaveCount(0);
  // The unreadable card is not shown as new. (Its first review today cannot be read either, so
  // the day's new-card allowance counts two introductions: 18 new cards remain.)
  await expect(page.locator('[data-counts]')).toHaveText('New 18 · Learning 0 · Due 0');
  await expect(page.locator('[data-front]')).not.toContainText(
    card(0)
      .front.replace(/<[^>]+>/gu, '')
      .slice(0, 20),
  );
  await answer(page, '4');
  const after = await storedLogUnbroken(page);
  expect(after.filter((e) => e.cardId === card(0).id)).toHaveLength(1);
  expect(after).toHaveLength(4);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export progress' }).click(),
  ]);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as { log: Entry[] };
  expect(exported.log.map((e) => e.id)).not.toContain(broken.id);
  expect(exported.log).toHaveLength(3);
  await expect(
    page.getByRole('status').filter({ hasText: /Exported 3 reviews; 1 stored review could not be read/ }),
  ).toBeVisible();

  await armStorageFault(page, { kind: 'read-fails', entries: [broken.id] });
  await page.goto('/review/stats/');
  await expect(page.getByText(/1 stored review could not be read/)).toBeVisible();
  await expect(page.getByText(/Failed to read/)).toHaveCount(0);
});

test('no stored review can be read: reviewing pauses instead of overwriting, export and stats say why', async ({
  page,
}) => {
  await openReview(page);
  await answer(page, '4');
  await armStorageFault(page, { kind: 'read-fails' });
  await page.goto('/review/');
  await expect(page.getByRole('alert').filter({ hasText: /saved progress could not be read/ })).toBeVisible();
  await expect(page.getByText(NOT_SAVED)).toBeVisible();
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeHidden();
  await page.getByRole('button', { name: 'Export progress' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: /Export failed: the stored reviews could not be read/ }),
  ).toBeVisible();
  await chooseProgressFile(page, progressFile('one.json', []));
  await expect(
    page.getByRole('alert').filter({ hasText: /cannot import while the stored reviews cannot be read/ }),
  ).toBeVisible();
  await page.goto('/review/stats/');
  await expect(page.getByText(/stored reviews could not be read/)).toBeVisible();
  await expect(page.getByText(/Failed to read/)).toHaveCount(0);
  expect(await storedLogUnbroken(page)).toHaveLength(1);
});

// 3. Time is checked where it enters.
test('an entry from a clock one hour ahead is dated to the import, and the card can still be answered', async ({
  page,
}) => {
  await openReview(page);
  const first = card(0);
  const ahead = Date.now() + 60 * 60_000;
  const path = progressFile('ahead.json', [
    { id: 'resetahead0001', cardId: first.id, rating: 0, reviewedAt: ahead, cardHash: first.hash },
  ]);
  await chooseProgressFile(page, path);
  await expect(page.locator('[data-import-summary]')).toContainText(
    /1 review is dated up to (1 hour|60 minutes) in the future \(the other device’s clock runs ahead\); it is dated to now\./,
  );
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.locator('[data-import-status]')).toContainText('Imported: 1 new review added');
  await page.getByRole('button', { name: /Show answer/ }).click();
  await page.getByRole('button', { name: /^Good/ }).click();
  await expect(page.locator('[data-counts]')).toHaveText('New 19 · Learning 1 · Due 0');
  const stored = await storedLog(page);
  expect(stored.find((e) => e.id === 'resetahead0001')?.reviewedAt).toBeLessThan(ahead - 30 * 60_000);
});

test('a timestamp outside the valid date range is refused with its position', async ({ page }) => {
  await openReview(page);
  const first = card(0);
  const path = progressFile('far.json', [
    { id: 'goodentry00001', cardId: first.id, rating: 3, reviewedAt: Date.now() - 60_000, cardHash: first.hash },
    { id: 'farfuture00001', cardId: first.id, rating: 3, reviewedAt: 8.7e15, cardHash: first.hash },
  ]);
  await chooseProgressFile(page, path);
  await expect(page.getByRole('alert').filter({ hasText: /damaged at log\.1\.reviewedAt/ })).toBeVisible();
  await expect(page.locator('[data-import-preview]')).toBeHidden();
  expect(await storedLog(page)).toEqual([]);
});

// 4. Conflicts are reported, not counted as "already here".
test('entries that conflict with stored ones are reported in the preview with the copy kept', async ({ page }) => {
  await openReview(page);
  for (let i = 0; i < 3; i++) await answer(page, '4');
  const log = await storedLog(page);
  const edited = log.map((e, i) => (i < 2 ? { ...e, rating: 1 } : e));
  await chooseProgressFile(page, progressFile('conflicts.json', edited));
  const summary = page.locator('[data-import-summary]');
  await expect(summary).toContainText('2 reviews conflict with stored ones (same id, different content)');
  await expect(summary).toContainText('kept: 2 from the file');
  await expect(summary).toContainText('1 is already here');
  await expect(summary).not.toContainText('3 are already here');
});

// 5. Large imports.
test('a file over the import limit is refused before it is read', async ({ page }) => {
  await openReview(page);
  // A sparse file: 65 MB on paper, nothing written to disk.
  mkdirSync(test.info().outputDir, { recursive: true });
  const huge = join(test.info().outputDir, 'huge.json');
  const handle = openSync(huge, 'w');
  ftruncateSync(handle, 65 * 1024 * 1024);
  closeSync(handle);
  await chooseProgressFile(page, huge);
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: /^This file is 65\.0 MB; progress files up to 64\.0 MB can be imported/ }),
  ).toBeVisible();
  await expect(page.locator('[data-import-preview]')).toBeHidden();
});

// 6. Two drill tabs.
test('a stale drill tab follows the other tab and cannot overwrite its newer drill', async ({ context }) => {
  const a = await context.newPage();
  await a.goto('/drill/');
  await a.getByRole('button', { name: 'Start the drill' }).click();
  await expect(a.locator('[data-phase-title]')).toHaveText(/^Phase 1 of 5/);
  const b = await context.newPage();
  await b.goto('/drill/');
  await expect(b.locator('[data-phase-title]')).toHaveText(/^Phase 1 of 5/);

  // A moves on and writes notes: B follows.
  await a.getByRole('button', { name: 'Next phase' }).click();
  await a.getByLabel(/Your notes/).fill('Latency budget: 50 ms at checkout.');
  await expect(b.locator('[data-phase-title]')).toHaveText(/^Phase 2 of 5/);
  await expect(b.getByLabel(/Your notes/)).toHaveValue('Latency budget: 50 ms at checkout.');

  // A save B never heard about (a tab frozen in the background misses storage events):
  // B's next keystroke must not write over it.
  const stored = () =>
    a.evaluate(() => JSON.parse(localStorage.getItem('vibe-check:drill:active') ?? 'null')) as Promise<{
      phaseEndedAt: number[];
      notes: string[];
      revision: number;
    }>;
  const newer = await stored();
  newer.phaseEndedAt.push(newer.phaseEndedAt[0] ?? 0);
  newer.notes[2] = 'Scale: 10k QPS at peak.';
  newer.revision += 1;
  await b.evaluate((value) => localStorage.setItem('vibe-check:drill:active', value), JSON.stringify(newer));
  await b.getByLabel(/Your notes/).press('x');

  await expect(b.locator('[data-phase-title]')).toHaveText(/^Phase 3 of 5/);
  await expect(b.getByLabel(/Your notes/)).toHaveValue('Scale: 10k QPS at peak.');
  await expect(b.getByRole('status').filter({ hasText: 'This drill changed in another tab' })).toBeVisible();
  // Tab A reads its own copy of localStorage, which Chromium updates from B's writes a moment later.
  await expect.poll(stored).toEqual(newer);
});

// 7. The wall clock jumps back mid-drill.
test('the drill timer keeps running when the wall clock jumps back, and no phase lasts 0 s', async ({ page }) => {
  const start = new Date('2026-01-31T10:00:00Z').getTime();
  await page.clock.install({ time: start - 60_000 });
  await page.goto('/drill/');
  await page.clock.pauseAt(start);
  await page.getByRole('button', { name: 'Start the drill' }).click();
  await expect(page.locator('[data-timer]')).toHaveText('4:00 left');
  await page.clock.runFor(60_000);
  await expect(page.locator('[data-timer]')).toHaveText('3:00 left');
  // The system clock is corrected an hour back (NTP, a time-zone mistake fixed by hand).
  await page.clock.setSystemTime(start + 60_000 - 60 * 60_000);
  await page.clock.runFor(10_000);
  await expect(page.locator('[data-timer]')).toHaveText('2:50 left');
  await page.getByRole('button', { name: 'Next phase' }).click();
  const drill = JSON.parse((await page.evaluate(() => localStorage.getItem('vibe-check:drill:active'))) ?? 'null') as {
    startedAt: number;
    phaseEndedAt: number[];
  };
  expect((drill.phaseEndedAt[0] ?? 0) - drill.startedAt).toBe(70_000);
  // After a reload with the clock still behind, the timer resumes from where it stood, not frozen.
  await page.reload();
  await expect(page.locator('[data-phase-title]')).toHaveText(/^Phase 2 of 5/);
  // Phase 2 (success metrics) gets 5 minutes of a 45-minute round (its page's frontmatter).
  await expect(page.locator('[data-timer]')).toHaveText('5:00 left');
  await page.clock.runFor(5_000);
  await expect(page.locator('[data-timer]')).toHaveText('4:55 left');
});
