import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { builtDeck } from './support/built-site.ts';
import { chooseProgressFile } from './support/choose-progress-file.ts';
import { expect as baseExpect, test } from './support/fixtures.ts';
import { GUIDE, GUIDE_CARDS, PROMPT } from './support/fixture-site.ts';
import { armStorageFault, injectStorageFault } from './support/storage-faults.ts';
import { storedLog, storedMeta } from './support/stored-log.ts';
import type { DeckCard } from '../../src/lib/deck-schema.ts';

// Issue 22 (items 4 and 5): storage faults injected into each writer of the log and its marks, in
// the page and in the site's workers. Nothing may say "saved" when it is not, a prompt is
// one batch, marks and resets are dated after what is stored, and an unhandled failure is said.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 120_000 });

type Card = DeckCard;
const deck = builtDeck();
const CLOZE = 'constraints-what-flips';
const NOT_SAVED = /NOT saved/u;
/** "saved" or "Saved" anywhere but in "could not be saved". */
const SAVED_CLAIM = /(?<!could not be )\bsaved\b/iu;
/** Monday 5 January 2026, 10:00 local: a pinned clock, far from the 4 AM rollover. */
const T0 = new Date(2026, 0, 5, 10).getTime();
const MIN = 60_000;

/** Faults for the site's workers (page init scripts never run in workers). */
type WorkerFault = { kind: 'missing' } | { kind: 'quota' } | { kind: 'fail-card'; cardId: string };

/** Runs first in a worker: must not refer to anything outside itself. */
function installWorkerFault(fault: WorkerFault): void {
  if (fault.kind === 'missing') {
    Object.defineProperty(self, 'indexedDB', { value: undefined, configurable: true });
    return;
  }
  for (const method of ['add', 'put'] as const) {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      const request = original.call(this, value, key);
      const fails = fault.kind === 'quota' || (value as { cardId?: string }).cardId === fault.cardId;
      if (fails && this.transaction.mode !== 'versionchange') {
        // The write is queued, then the commit fails, as when the disk fills mid-write.
        Object.defineProperty(this.transaction, 'error', {
          get: () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
          configurable: true,
        });
        this.transaction.abort();
      }
      return request;
    } as typeof original;
  }
}

/**
 * Serves the site's workers (grading, memory, import, plan, optimizer, stored-check) with `fault`
 * installed before their own code runs; returns the way to stop.
 */
async function faultWorkers(context: BrowserContext, fault: WorkerFault): Promise<() => Promise<void>> {
  const pattern = '**/_astro/*-worker-*.js';
  await context.route(pattern, async (route) => {
    const response = await route.fetch();
    const body = `(${installWorkerFault.toString()})(${JSON.stringify(fault)});\n${await response.text()}`;
    await route.fulfill({ response, body });
  });
  return () => context.unroute(pattern);
}

const prompt = (page: Page, id: string): Locator => page.locator(`#card-${id}`);

async function reveal(page: Page, id: string): Promise<Locator> {
  const block = prompt(page, id);
  await block.getByText('Show answer').click();
  await expect(block.getByRole('button', { name: /^Remembered/u })).toBeVisible();
  return block;
}

/** Writes records straight into the app's database (made by the app first), as another tab would. */
async function putRecords(page: Page, store: 'log' | 'marks', records: readonly object[]): Promise<void> {
  await page.evaluate(
    ([name, values]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('vibe-check-progress');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(name, 'readwrite');
          for (const value of values) tx.objectStore(name).put(value);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [store, records] as const,
  );
}

/** The table's rows as [card id, state]. */
async function rowStates(page: Page): Promise<[string, string][]> {
  return page
    .locator('[data-rows] tr')
    .evaluateAll((rows) =>
      rows.map((row) => [row.querySelector('.card-id')?.textContent ?? '', row.children[2]?.textContent ?? '']),
    );
}

async function openCards(page: Page): Promise<void> {
  await page.goto('/review/cards/');
  await expect(page.locator('[data-card-count]')).toContainText('shown of');
  await expect(page.getByRole('button', { name: 'Suspend all shown', exact: true })).toBeEnabled();
}

test.beforeEach(async ({ page }) => {
  await page.clock.install({ time: T0 });
});

test('with IndexedDB missing in the page and its worker, a guide prompt says plainly it was not saved', async ({
  page,
  context,
}) => {
  await injectStorageFault(page, { kind: 'missing' });
  await faultWorkers(context, { kind: 'missing' });
  await page.goto(GUIDE);
  const graded = await reveal(page, GUIDE_CARDS.precompute);
  await graded.getByRole('button', { name: /^Remembered/u }).click();
  await expect(graded.locator('[data-grade-status]')).toHaveText(NOT_SAVED);
  await expect(graded.locator('[data-grade-status]')).not.toContainText('next review');

  const held = await reveal(page, GUIDE_CARDS.lateLabels);
  await held.getByRole('button', { name: 'Suspend', exact: true }).click();
  await expect(held.locator('[data-hold-status]')).toHaveText(NOT_SAVED);
  await expect(held.locator('[data-hold-status]')).not.toContainText('it will not appear in reviews');

  // No database was made: a clean page of the same origin finds none.
  const clean = await context.newPage();
  await clean.goto('/');
  expect(await clean.evaluate(async () => (await indexedDB.databases()).map((db) => db.name))).not.toContain(
    'vibe-check-progress',
  );
});

test('a cloze prompt is one batch: the second card’s write fails, nothing is stored, and a retry grades both once', async ({
  page,
  context,
}) => {
  const stop = await faultWorkers(context, { kind: 'fail-card', cardId: `${CLOZE}.c2` });
  await page.goto(GUIDE);
  let block = await reveal(page, CLOZE);
  await block.getByRole('button', { name: /^Remembered/u }).click();
  await expect(block.locator('[data-grade-status]')).toHaveText(NOT_SAVED);
  expect(await storedLog(page)).toEqual([]);

  // Storage works again (a reload): the prompt is graded once, both of its cards together.
  await stop();
  await page.reload();
  block = await reveal(page, CLOZE);
  await block.getByRole('button', { name: /^Remembered/u }).click();
  await expect(block.locator('[data-grade-status]')).toHaveText(/^Remembered: next review/u);
  expect((await storedLog(page)).map((e) => e.cardId).sort()).toEqual([`${CLOZE}.c1`, `${CLOZE}.c2`]);
});

test('a suspension dated a few minutes ahead (another device) is undone from /review/cards/', async ({ page }) => {
  const card = deck.cards[0];
  if (!card) throw new Error('empty deck');
  await openCards(page);
  const now = await page.evaluate(() => Date.now());
  await putRecords(page, 'marks', [{ id: 'mark-ahead', kind: 'suspend', cardId: card.id, at: now + 4 * MIN }]);
  await openCards(page);
  await page.locator('select[name="state"]').selectOption('suspended');
  expect(await rowStates(page)).toEqual([[card.id, 'suspended']]);
  await page.getByRole('button', { name: /^Unsuspend: / }).click();
  await expect(page.locator('[data-done-text]')).toHaveText('Unsuspended 1 card.');
  await openCards(page);
  await page.locator('select[name="state"]').selectOption('suspended');
  await expect(page.locator('[data-rows] tr')).toHaveCount(0);
});

test('"Reset all shown" confirmed after another tab rated some of the cards resets every one it says', async ({
  page,
}) => {
  const cards = deck.cards.slice(0, 5);
  await openCards(page);
  const now = await page.evaluate(() => Date.now());
  // Easy on a new card schedules it for days: a review card.
  const rating = (card: Card, i: number, at: number) => ({
    id: `seed-${i}-${at}`,
    cardId: card.id,
    rating: 4,
    reviewedAt: at,
    cardHash: card.hash,
  });
  await putRecords(
    page,
    'log',
    cards.map((card, i) => rating(card, i, now - 2 * 86_400_000)),
  );
  await openCards(page);
  await page.locator('select[name="state"]').selectOption('review');
  await expect(page.locator('[data-card-count]')).toHaveText(`5 cards shown of ${deck.cards.length}.`);
  await page.getByRole('button', { name: 'Reset all shown', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Reset 5 cards to new?');
  // While the dialog waits, another tab rates three of them (dated a moment after the click).
  await putRecords(
    page,
    'log',
    cards.slice(0, 3).map((card, i) => rating(card, i + 10, now + 30_000)),
  );
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.locator('[data-done-text]')).toHaveText('Reset 5 cards.');
  // After a reload, none of the five is still a review card (only they had any history).
  await openCards(page);
  await page.locator('select[name="state"]').selectOption('review');
  await expect(page.locator('[data-card-count]')).toHaveText(`0 cards shown of ${deck.cards.length}.`);
});

test('undoing a forgotten prompt also takes back the grade of its "Once more" copy', async ({ page }) => {
  await page.goto(GUIDE);
  const original = await reveal(page, GUIDE_CARDS.p99NotMean);
  await original.getByRole('button', { name: /^Forgot/u }).click();
  await expect(original.locator('[data-grade-status]')).toContainText('comes back once more');
  const copy = await reveal(page, GUIDE_CARDS.p99NotMeanAgain);
  await copy.getByRole('button', { name: /^Remembered/u }).click();
  await expect(copy.locator('[data-grade-status]')).toContainText('Remembered: next review');
  await expect.poll(async () => (await storedLog(page)).length).toBe(2);
  await original.getByRole('button', { name: 'Undo' }).click();
  await expect(prompt(page, GUIDE_CARDS.p99NotMeanAgain)).toHaveCount(0);
  await expect.poll(async () => (await storedLog(page)).length).toBe(0);
});

test.describe('storage full, injected into each writer: none says saved', () => {
  test('holds from the guide and grades in it (the grading worker)', async ({ page, context }) => {
    await faultWorkers(context, { kind: 'quota' });
    await page.goto(GUIDE);
    const graded = await reveal(page, GUIDE_CARDS.precompute);
    await graded.getByRole('button', { name: /^Remembered/u }).click();
    await expect(graded.locator('[data-grade-status]')).toHaveText(NOT_SAVED);
    const held = await reveal(page, GUIDE_CARDS.lateLabels);
    await held.getByRole('button', { name: 'Bury until tomorrow', exact: true }).click();
    await expect(held.locator('[data-hold-status]')).toHaveText(NOT_SAVED);
    await held.getByRole('button', { name: 'Undo' }).click();
    await expect(held.locator('[data-hold-status]')).toHaveText(NOT_SAVED);
    expect(await storedLog(page)).toEqual([]);
  });

  test('holds from /review/ and their undo', async ({ page }) => {
    await page.goto('/review/');
    await armStorageFault(page, { kind: 'quota' });
    await page.goto('/review/');
    await expect(page.getByRole('button', { name: /^Suspend/u })).toBeEnabled();
    await page.keyboard.press('@');
    const said = page.locator('[data-hold-text]');
    await expect(said).toContainText('Card suspended');
    await expect(said).toContainText(NOT_SAVED);
    await expect(page.getByText('Progress is NOT being saved.')).toBeVisible();
    await page.locator('[data-hold-undo]').click();
    await expect(said).toHaveText(/Suspension undone\. This is NOT saved/u);
  });

  test('card browser bulk actions and their undo', async ({ page }) => {
    await openCards(page);
    await armStorageFault(page, { kind: 'quota' });
    await openCards(page);
    await page.getByLabel('Section').selectOption('phases');
    await page.getByRole('button', { name: 'Suspend all shown', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    const done = page.locator('[data-done-text]');
    await expect(done).toHaveText(/^Suspended \d+ cards\. NOT saved/u);
    await page.locator('[data-undo]').click();
    await expect(done).toHaveText(/^Undone: .* NOT saved/u);
  });

  test('an import written by its worker', async ({ page, context }) => {
    await faultWorkers(context, { kind: 'quota' });
    await page.goto('/review/');
    const first = deck.cards[0];
    if (!first) throw new Error('empty deck');
    mkdirSync(test.info().outputDir, { recursive: true });
    const path = join(test.info().outputDir, 'import.json');
    const entry = { id: 'importedentry01', cardId: first.id, rating: 3, reviewedAt: T0 - MIN, cardHash: first.hash };
    writeFileSync(
      path,
      JSON.stringify({
        format: 'vibe-check-progress',
        schemaVersion: 1,
        exportedAt: T0,
        settings: { newPerDay: 20, desiredRetention: 0.9, maximumInterval: 36500 },
        log: [entry],
      }),
    );
    await chooseProgressFile(page, path);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'The import could not be saved: storage is full.' }),
    ).toBeVisible();
    await expect(page.locator('[data-import-status]')).not.toContainText('Imported');
    expect(await storedLog(page)).toEqual([]);
  });
  test('the review settings form', async ({ page }) => {
    await page.goto('/review/');
    await armStorageFault(page, { kind: 'quota' });
    await page.goto('/review/');
    const before = await storedMeta(page, 'settings');
    await page.getByText('Settings', { exact: true }).click();
    await expect(page.getByRole('button', { name: 'Save settings' })).toBeEnabled();
    await page.getByLabel('New cards per day').fill('7');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const status = page.locator('[data-settings-status]');
    await expect(status).toHaveText('Settings apply for this tab only: they could not be saved.');
    await expect(page.locator('review-settings')).not.toContainText(SAVED_CLAIM, { useInnerText: true });
    await expect(page.getByText('Progress is NOT being saved.')).toBeVisible();
    expect(await storedMeta(page, 'settings')).toEqual(before);
    await page.reload();
    await page.getByText('Settings', { exact: true }).click();
    await expect(page.getByRole('button', { name: 'Save settings' })).toBeEnabled();
    await expect(page.getByLabel('New cards per day')).toHaveValue('20');
  });

  test('the interview date saved in the plan', async ({ page }) => {
    await page.goto('/review/');
    await armStorageFault(page, { kind: 'quota' });
    await page.goto('/review/');
    const before = await storedMeta(page, 'settings');
    await page.getByText('Interview plan', { exact: true }).click();
    await expect(page.getByRole('button', { name: 'Save date' })).toBeEnabled();
    await page.getByLabel('Interview date').fill('2026-02-04');
    await page.getByRole('button', { name: 'Save date' }).click();
    await expect(page.locator('[data-plan-figure]')).toHaveText(/^Introduce \d+ new cards? a day until /u);
    // The plan is drawn from the date for this tab, and says there that the date was not stored.
    const plan = page.locator('interview-plan');
    await expect(plan.locator('[data-plan-status]')).toHaveText(
      'Settings apply for this tab only: they could not be saved.',
    );
    await expect(plan).not.toContainText(SAVED_CLAIM, { useInnerText: true });
    expect(await storedMeta(page, 'settings')).toEqual(before);
    await page.reload();
    await page.getByText('Interview plan', { exact: true }).click();
    await expect(page.getByRole('button', { name: 'Save date' })).toBeEnabled();
    await expect(page.getByLabel('Interview date')).toHaveValue('');
  });

  test('the drill: its running state and its history (localStorage full)', async ({ page }) => {
    // A full localStorage throws on every write (removing still works, as it frees space).
    await page.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
        if (this === localStorage)
          throw new DOMException(`Failed to set the '${key}' property on 'Storage'.`, 'QuotaExceededError');
        setItem.call(this, key, value);
      };
    });
    await page.goto('/drill/');
    await page.getByRole('combobox', { name: /^Prompt/u }).selectOption(PROMPT);
    await page.getByRole('button', { name: 'Start the drill' }).click();
    const warning = page.locator('[data-storage-warning]');
    const NOT_SAVED_DRILL = 'This browser cannot save the drill, so a reload will lose it. Everything else works.';
    await expect(warning).toHaveText(NOT_SAVED_DRILL);
    const app = page.locator('drill-app');
    await expect(app).not.toContainText(SAVED_CLAIM, { useInnerText: true });
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Next phase' }).click();
    await page.getByRole('button', { name: 'Finish the interview' }).click();
    await expect(page.getByRole('heading', { name: 'How did it go?' })).toBeVisible();
    for (let i = 0; i < 5; i++) await page.locator(`input[name="score-${i}"][value="3"]`).check();
    await page.getByRole('button', { name: 'See my results' }).click();
    await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible();
    await expect(warning).toHaveText(NOT_SAVED_DRILL);
    await expect(app).not.toContainText(SAVED_CLAIM, { useInnerText: true });
    const stored = () =>
      page.evaluate(() => [
        localStorage.getItem('vibe-check:drill:active'),
        localStorage.getItem('vibe-check:drill:history'),
      ]);
    expect(await stored()).toEqual([null, null]);
    await page.reload();
    await expect(page.getByRole('button', { name: 'Start the drill' })).toBeVisible();
    expect(await stored()).toEqual([null, null]);
  });
});

test('a failure nothing else reported is said on the page (role=alert)', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => {
    void Promise.reject(new Error('the write was lost'));
  });
  await expect(page.getByRole('alert')).toContainText('Something failed on this page');
  await expect(page.getByRole('alert')).toContainText('the write was lost');
});
