import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { builtDeck } from './support/built-site.ts';
import { expect as baseExpect, test, vibeBaseUrl } from './support/fixtures.ts';
import { chooseProgressFile } from './support/choose-progress-file.ts';

// Writes to IndexedDB sit between the steps; on a busy machine that can take a while.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 120_000 });

const deck = builtDeck();
/** Monday 5 January 2026, 10:00 local: a pinned clock, far from the 4 AM rollover. */
const T0 = new Date(2026, 0, 5, 10).getTime();
const DAY = 86_400_000;

const frontText = (page: Page) => page.locator('[data-front]').innerText();
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();

/** /review/ with its card on screen and the suspend/bury buttons loaded (they load when idle). */
async function openReview(page: Page, query = ''): Promise<void> {
  await page.goto(`/review/${query}`);
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeEnabled();
  await expect(page.getByRole('button', { name: /^Suspend/ })).toBeEnabled();
}

/** /review/cards/ with its rows drawn. */
async function openCards(page: Page): Promise<void> {
  await page.goto('/review/cards/');
  await expect(page.locator('[data-card-count]')).toContainText('shown of');
}

/** The table's rows as [card id, state]. */
async function rowStates(page: Page): Promise<[string, string][]> {
  return page
    .locator('[data-rows] tr')
    .evaluateAll((rows) =>
      rows.map((row) => [row.querySelector('.card-id')?.textContent ?? '', row.children[2]?.textContent ?? '']),
    );
}

test.beforeEach(async ({ page }) => {
  await page.clock.install({ time: T0 });
});

test('a card suspended in /review/ never comes back until it is unsuspended in /review/cards/', async ({ page }) => {
  const first = deck.cards[0];
  if (!first) throw new Error('empty deck');
  const section = deck.cards.filter((c) => c.section === first.section).length;
  // Cram shows every card of a section once: the suspended card must be left out of it too.
  await openReview(page, `?section=${first.section}&mode=cram`);
  await expect(page.locator('[data-counts]')).toContainText(`Cram: ${section} left`);
  expect(await frontText(page)).toBe(textOf(first.front));
  await page.keyboard.press('@');
  await expect(page.getByRole('status').filter({ hasText: 'Card suspended' })).toBeVisible();
  await expect(page.locator('[data-counts]')).toContainText(`Cram: ${section - 1} left`);
  expect(await frontText(page)).not.toBe(textOf(first.front));

  // Stored: after a reload neither cram nor the normal queue shows it.
  await openReview(page, `?section=${first.section}&mode=cram`);
  await expect(page.locator('[data-counts]')).toContainText(`Cram: ${section - 1} left`);
  await openReview(page);
  expect(await frontText(page)).not.toBe(textOf(first.front));

  await openCards(page);
  await page.getByLabel('State').selectOption('suspended');
  expect(await rowStates(page)).toEqual([[first.id, 'suspended']]);
  await page.getByRole('button', { name: /^Unsuspend: / }).click();
  await expect(page.locator('[data-done-text]')).toHaveText('Unsuspended 1 card.');
  await expect(page.locator('[data-rows] tr')).toHaveCount(0);

  await openReview(page);
  expect(await frontText(page)).toBe(textOf(first.front));
});

test('a buried card is gone for today and back after the 4 AM rollover; undo brings it back at once', async ({
  page,
}) => {
  const first = deck.cards[0];
  if (!first) throw new Error('empty deck');
  await openReview(page);
  expect(await frontText(page)).toBe(textOf(first.front));
  // Undo (Ctrl+Z) takes the burial back while it is the latest action.
  await page.keyboard.press('-');
  await expect(page.getByRole('status').filter({ hasText: 'Card buried' })).toBeVisible();
  expect(await frontText(page)).not.toBe(textOf(first.front));
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Burial undone.' })).toBeVisible();
  expect(await frontText(page)).toBe(textOf(first.front));

  await page.getByRole('button', { name: /^Bury until tomorrow/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Card buried' })).toBeVisible();
  // The message and its Undo button are axe-clean in both themes.
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => (document.documentElement.dataset['theme'] = t), theme);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${theme}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  }
  await openReview(page);
  expect(await frontText(page)).not.toBe(textOf(first.front));
  await openCards(page);
  await page.getByLabel('State').selectOption('buried');
  expect(await rowStates(page)).toEqual([[first.id, 'buried']]);

  await page.clock.setSystemTime(T0 + DAY);
  await openReview(page);
  expect(await frontText(page)).toBe(textOf(first.front));
});

test('filter, then suspend every card shown: confirmed first, undone after', async ({ page }) => {
  const phases = deck.cards.filter((c) => c.section === 'phases');
  await openCards(page);
  await page.getByLabel('Section').selectOption('phases');
  await expect(page.locator('[data-card-count]')).toHaveText(`${phases.length} cards shown of ${deck.cards.length}.`);
  await page.getByRole('button', { name: 'Suspend all shown', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Suspend ${phases.length} cards?`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect((await rowStates(page)).some(([, state]) => state === 'suspended')).toBe(false);

  await page.getByRole('button', { name: 'Suspend all shown', exact: true }).click();
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.locator('[data-done-text]')).toHaveText(`Suspended ${phases.length} cards.`);
  expect(new Set((await rowStates(page)).map(([, state]) => state))).toEqual(new Set(['suspended']));
  // Only the filtered cards: another section is untouched.
  await page.getByLabel('Section').selectOption('');
  await page.getByLabel('State').selectOption('suspended');
  await expect(page.locator('[data-card-count]')).toHaveText(`${phases.length} cards shown of ${deck.cards.length}.`);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('[data-done-text]')).toHaveText(`Undone: suspended ${phases.length} cards no more.`);
  await expect(page.locator('[data-card-count]')).toHaveText(`0 cards shown of ${deck.cards.length}.`);
  await page.reload();
  await page.getByLabel('State').selectOption('suspended');
  await expect(page.locator('[data-card-count]')).toHaveText(`0 cards shown of ${deck.cards.length}.`);
});

test('keyboard only: sort by a column, filter, reset a card with confirmation', async ({ page }) => {
  const first = deck.cards[0];
  if (!first) throw new Error('empty deck');
  await openReview(page);
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  await expect(page.locator('[data-counts]')).toContainText('Learning 1');

  await openCards(page);
  const lapses = page.locator('th[data-column="lapses"]');
  await page.getByRole('button', { name: 'Lapses' }).focus();
  await page.keyboard.press('Enter');
  await expect(lapses).toHaveAttribute('aria-sort', 'ascending');
  await page.keyboard.press('Enter');
  await expect(lapses).toHaveAttribute('aria-sort', 'descending');
  await expect(page.locator('th[aria-sort]')).toHaveCount(1);

  await page.getByLabel('State').focus();
  await page.getByLabel('State').selectOption('learning');
  expect(await rowStates(page)).toEqual([[first.id, 'learning']]);
  await page.getByRole('button', { name: /^Reset: / }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toContainText('Reset');
  // Focus starts on Cancel; Shift+Tab reaches Confirm.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-done-text]')).toHaveText('Reset 1 card.');
  await expect(page.locator('[data-rows] tr')).toHaveCount(0);
  await page.getByLabel('State').selectOption('new');
  await expect(page.locator('[data-card-count]')).toHaveText(
    `${deck.cards.length} cards shown of ${deck.cards.length}.`,
  );
});

test('a card the deck no longer has shows as retired, with its history', async ({ page }) => {
  const hash = deck.cards[0]?.hash ?? '0123456789abcdef';
  mkdirSync(test.info().outputDir, { recursive: true });
  const path = join(test.info().outputDir, 'retired.json');
  writeFileSync(
    path,
    JSON.stringify({
      format: 'vibe-check-progress',
      schemaVersion: 1,
      exportedAt: T0,
      settings: { newPerDay: 20, desiredRetention: 0.9, maximumInterval: 36500 },
      log: [{ id: 'retired-entry-1', cardId: 'gone/removed-card', rating: 3, reviewedAt: T0 - DAY, cardHash: hash }],
    }),
  );
  await openReview(page);
  await chooseProgressFile(page, path);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.locator('[data-import-status]')).toContainText('1 new review added');

  await openCards(page);
  await expect(page.locator('[data-card-count]')).toHaveText(
    `${deck.cards.length + 1} cards shown of ${deck.cards.length + 1}.`,
  );
  await page.getByLabel('State').selectOption('retired');
  expect(await rowStates(page)).toEqual([['gone/removed-card', 'retired']]);
  await expect(page.locator('[data-rows] tr')).toContainText('No longer in the deck');
  await expect(page.locator('[data-rows] tr')).toContainText('Good');
});

test('export, then import into a fresh profile: the suspensions come along', async ({ page, browser }) => {
  const [a, b] = deck.cards;
  if (!a || !b) throw new Error('deck too small');
  await openCards(page);
  await page.getByLabel('Search the cards').fill(a.id);
  await page
    .getByRole('button', { name: /^Suspend: / })
    .first()
    .click();
  await expect(page.locator('[data-done-text]')).toHaveText('Suspended 1 card.');

  await openReview(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export progress' }).click(),
  ]);
  const path = await download.path();
  const exported = JSON.parse(readFileSync(path, 'utf8')) as { schemaVersion: number; marks: { cardId: string }[] };
  expect(exported.schemaVersion).toBe(2);
  expect(exported.marks.map((m) => m.cardId)).toEqual([a.id]);

  const fresh = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const other = await fresh.newPage();
  await other.clock.install({ time: T0 });
  await openReview(other);
  expect(await frontText(other)).toBe(textOf(a.front));
  await chooseProgressFile(other, path);
  await expect(other.locator('[data-import-summary]')).toContainText('holds 0 reviews and 1 suspension or burial.');
  await other.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(other.locator('[data-import-status]')).toContainText('Imported');
  await expect.poll(() => frontText(other)).toBe(textOf(b.front));
  await openCards(other);
  await other.getByLabel('State').selectOption('suspended');
  expect(await rowStates(other)).toEqual([[a.id, 'suspended']]);
  await fresh.close();
});

test('the card browser is clean for axe in both themes, with a dialog open too', async ({ page }) => {
  await openCards(page);
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => (document.documentElement.dataset['theme'] = t), theme);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${theme}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  }
  await page.getByRole('button', { name: 'Reset all shown' }).click();
  // Nothing to reset on a fresh profile: it says so rather than asking.
  await expect(page.locator('[data-done-text]')).toContainText('nothing to reset');
  await page.getByRole('button', { name: 'Suspend all shown', exact: true }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});

test('a card suspended in the card browser leaves the review open in another tab at once', async ({
  page,
  context,
}) => {
  const first = deck.cards[0];
  if (!first) throw new Error('empty deck');
  await openReview(page);
  expect(await frontText(page)).toBe(textOf(first.front));
  const cards = await context.newPage();
  await openCards(cards);
  await cards.getByLabel('Search the cards').fill(first.id);
  await cards
    .getByRole('button', { name: /^Suspend: / })
    .first()
    .click();
  await expect(cards.locator('[data-done-text]')).toHaveText('Suspended 1 card.');
  await expect.poll(() => frontText(page)).not.toBe(textOf(first.front));
  await expect(page.locator('[data-live]')).toContainText('suspended or buried in another tab; moving on. New card:');
  // And it stays away: the mark reached this tab's session, not just its screen.
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  await expect(page.locator('[data-grades]')).toBeHidden();
  expect(await frontText(page)).not.toBe(textOf(first.front));
});

test('under a base path the card browser loads and its concept links keep the prefix', async ({ page }) => {
  const base = vibeBaseUrl();
  await page.goto(new URL('review/cards/', base).href);
  await expect(page.locator('[data-card-count]')).toContainText('shown of');
  const href = await page.locator('[data-rows] a').first().getAttribute('href');
  expect(href).toMatch(/^\/vibe\//u);
});
