import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { builtDeck } from './support/built-site.ts';
import { chooseProgressFile } from './support/choose-progress-file.ts';
import { expect as baseExpect, test } from './support/fixtures.ts';
import { GUIDE, GUIDE_CARDS } from './support/fixture-site.ts';
import { storedMeta } from './support/stored-log.ts';
import type { DeckCard } from '../../src/lib/deck-schema.ts';

// Suspend and bury from a guide (issue 15), and the guides opened travelling in the progress file.
// Marks go through the grading worker into IndexedDB; on a busy machine that can take a while.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 180_000 });

type Card = DeckCard;
const deck = builtDeck();
const guideCards = deck.cards.filter((card) => card.concept.startsWith(GUIDE));
const byId = (id: string): Card => {
  const card = deck.cards.find((c) => c.id === id);
  if (!card) throw new Error(`no card ${id} in the deck`);
  return card;
};
// A weekday morning, pinned (local time): far from the 4 AM rollover.
const T0 = new Date(2026, 2, 2, 10).getTime();
const DAY = 86_400_000;
const SUSPENDED = 'Suspended — it will not appear in reviews.';

const prompt = (page: Page, id: string): Locator => page.locator(`#card-${id}`);
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();

/** Reveals a prompt and waits for its grading (and hold) controls. */
async function reveal(page: Page, id: string): Promise<Locator> {
  const block = prompt(page, id);
  await block.getByText('Show answer').click();
  await expect(block.getByRole('button', { name: /^Remembered/u })).toBeVisible();
  return block;
}

/** The review of one guide's cards, with its counts drawn. */
async function openGuideReview(page: Page): Promise<void> {
  await page.goto(`/review/?page=${encodeURIComponent(GUIDE)}`);
  await expect(page.locator('[data-counts]')).toHaveText(/^New \d+/u);
}

/** Walks the whole queue of the guide, answering Easy, and returns the fronts shown (in order). */
async function walkGuideQueue(page: Page): Promise<string[]> {
  await openGuideReview(page);
  const fronts: string[] = [];
  const summary = page.locator('[data-summary]');
  for (let i = 0; i <= guideCards.length && !(await summary.isVisible()); i++) {
    fronts.push((await page.locator('[data-front]').innerText()).replace(/\s+/gu, ' ').trim());
    await page.getByRole('button', { name: /Show answer/u }).click();
    await page.locator('[data-grades] [data-grade="4"]').click();
    await expect(page.locator('[data-grades]')).toBeHidden();
  }
  await expect(summary).toBeVisible();
  return fronts;
}

/** The table's rows as [card id, state]. */
async function rowStates(page: Page): Promise<[string, string][]> {
  return page
    .locator('[data-rows] tr')
    .evaluateAll((rows) =>
      rows.map((row) => [row.querySelector('.card-id')?.textContent ?? '', row.children[2]?.textContent ?? '']),
    );
}

test('a card suspended from the guide never comes up in /review/ until it is unsuspended in /review/cards/', async ({
  page,
}) => {
  await page.clock.setFixedTime(T0);
  await page.goto(GUIDE);
  const block = await reveal(page, GUIDE_CARDS.precompute);
  // Keyboard alone: Tab reaches Suspend, Enter suspends, focus lands on Undo.
  await block.getByRole('button', { name: 'Bury until tomorrow' }).focus();
  await page.keyboard.press('Shift+Tab');
  await expect(block.getByRole('button', { name: 'Suspend', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(block.locator('[data-hold-status]')).toHaveText(SUSPENDED);
  await expect(block.getByRole('button', { name: /^Remembered/u })).toBeHidden();
  await expect(block.getByRole('button', { name: 'Undo' })).toBeFocused();
  // Undo takes it back; suspend again for good.
  await page.keyboard.press('Enter');
  await expect(block.getByRole('button', { name: /^Remembered/u })).toBeVisible();
  await block.getByRole('button', { name: 'Suspend', exact: true }).click();
  await expect(block.locator('[data-hold-status]')).toHaveText(SUSPENDED);

  // Axe-clean with the new controls showing (one prompt held, one with its grades), in both themes.
  await reveal(page, GUIDE_CARDS.p99NotMean);
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => (document.documentElement.dataset['theme'] = t), theme);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${theme}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  }

  // On the next visit the prompt says it is suspended, with Unsuspend in place of the grades.
  await page.reload();
  await prompt(page, GUIDE_CARDS.precompute).getByText('Show answer').click();
  await expect(prompt(page, GUIDE_CARDS.precompute).locator('[data-hold-status]')).toHaveText(SUSPENDED);
  const again = prompt(page, GUIDE_CARDS.precompute);
  await expect(again.getByRole('button', { name: /^Remembered/u })).toBeHidden();
  // Unsuspend from the guide brings the grades back; suspend once more for the walk below.
  await again.getByRole('button', { name: 'Unsuspend' }).click();
  await expect(again.locator('[data-hold-status]')).toHaveText('Unsuspended — it is back in reviews.');
  await expect(again.getByRole('button', { name: /^Remembered/u })).toBeVisible();
  await again.getByRole('button', { name: 'Suspend', exact: true }).click();
  await expect(again.locator('[data-hold-status]')).toHaveText(SUSPENDED);

  // The guide's whole queue, walked: every card but the suspended one.
  const suspendedFront = textOf(byId(GUIDE_CARDS.precompute).front);
  const walked = await walkGuideQueue(page);
  expect(walked).toHaveLength(guideCards.length - 1);
  expect(walked).not.toContain(suspendedFront);
  // Still held the next day.
  await page.clock.setFixedTime(T0 + DAY);
  await openGuideReview(page);
  await expect(page.locator('[data-counts]')).toHaveText('New 0 · Learning 0 · Due 0');

  // Unsuspended in the card browser: it is the one card left to learn.
  await page.goto('/review/cards/');
  await expect(page.locator('[data-card-count]')).toContainText('shown of');
  await page.getByLabel('State').selectOption('suspended');
  expect(await rowStates(page)).toEqual([[GUIDE_CARDS.precompute, 'suspended']]);
  await page.getByRole('button', { name: /^Unsuspend: / }).click();
  await expect(page.locator('[data-done-text]')).toHaveText('Unsuspended 1 card.');
  expect(await walkGuideQueue(page)).toEqual([suspendedFront]);
});

test('a card buried from the guide leaves the open /review/ at once and comes back after 4 AM', async ({ context }) => {
  const review = await context.newPage();
  await review.clock.setFixedTime(T0);
  await openGuideReview(review);
  await expect(review.locator('[data-counts]')).toHaveText(`New ${guideCards.length} · Learning 0 · Due 0`);

  const guide = await context.newPage();
  await guide.clock.setFixedTime(T0);
  await guide.goto(GUIDE);
  const block = await reveal(guide, GUIDE_CARDS.p99NotMean);
  await block.getByRole('button', { name: 'Bury until tomorrow' }).click();
  await expect(block.locator('[data-hold-status]')).toHaveText(
    'Buried until tomorrow — it comes back in reviews after 4 AM.',
  );
  // The open review hears of it (the marks sync message) and drops the card.
  await expect(review.locator('[data-counts]')).toHaveText(`New ${guideCards.length - 1} · Learning 0 · Due 0`);
  // A burial is not a suspension: the next visit offers the grades.
  await guide.reload();
  await reveal(guide, GUIDE_CARDS.p99NotMean);
  await expect(prompt(guide, GUIDE_CARDS.p99NotMean).locator('[data-hold-status]')).toBeHidden();

  // Still buried just before the rollover, back just after.
  const nextDay = new Date(T0);
  nextDay.setDate(nextDay.getDate() + 1);
  await review.clock.setFixedTime(nextDay.setHours(3, 59));
  await openGuideReview(review);
  await expect(review.locator('[data-counts]')).toHaveText(`New ${guideCards.length - 1} · Learning 0 · Due 0`);
  await review.clock.setFixedTime(nextDay.setHours(4, 1));
  await openGuideReview(review);
  await expect(review.locator('[data-counts]')).toHaveText(`New ${guideCards.length} · Learning 0 · Due 0`);
});

test('export, then import into a fresh browser: reviews made while reading, the suspension and reading-first order', async ({
  page,
  browser,
}) => {
  await page.clock.setFixedTime(T0);
  await page.goto(GUIDE);
  const graded = await reveal(page, GUIDE_CARDS.noLabels);
  await graded.getByRole('button', { name: /^Remembered/u }).click();
  await expect(graded.locator('[data-grade-status]')).toContainText('next review');
  const held = await reveal(page, GUIDE_CARDS.precompute);
  await held.getByRole('button', { name: 'Suspend', exact: true }).click();
  await expect(held.locator('[data-hold-status]')).toHaveText(SUSPENDED);
  // The visit is recorded when the page is idle.
  await expect.poll(() => storedMeta(page, 'visits')).toEqual({ [GUIDE]: T0 });

  await page.goto('/review/');
  await expect(page.getByRole('button', { name: /Show answer/u })).toBeEnabled();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export progress' }).click(),
  ]);
  const path = await download.path();
  const exported = JSON.parse(readFileSync(path, 'utf8')) as {
    log: { cardId: string; source?: string }[];
    marks: { cardId: string; kind: string }[];
    visits: Record<string, number>;
  };
  expect(exported.log.map((e) => [e.cardId, e.source])).toEqual([[GUIDE_CARDS.noLabels, 'reading']]);
  expect(exported.marks.map((m) => [m.cardId, m.kind])).toEqual([[GUIDE_CARDS.precompute, 'suspend']]);
  expect(exported.visits).toEqual({ [GUIDE]: T0 });

  const fresh = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const other = await fresh.newPage();
  await other.clock.setFixedTime(T0 + 60_000);
  await other.goto('/review/');
  await expect(other.getByRole('button', { name: /Show answer/u })).toBeEnabled();
  // A fresh profile has read nothing: deck order, which starts elsewhere.
  await expect(other.locator('[data-concept]')).not.toHaveAttribute('href', new RegExp(`^${GUIDE}`, 'u'));
  await chooseProgressFile(other, path);
  await expect(other.locator('[data-import-summary]')).toContainText('holds 1 review and 1 suspension or burial.');
  await other.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(other.locator('[data-import-status]')).toContainText('Imported');
  // Reading-first, at once and after a reload: new cards of the guide read come first.
  await expect(other.locator('[data-concept]')).toHaveAttribute('href', new RegExp(`^${GUIDE}`, 'u'));
  await expect(other.locator('[data-unread-count]')).toHaveText(
    `${deck.cards.length - guideCards.length} new cards wait in guides you have not opened yet.`,
  );
  await other.reload();
  await expect(other.locator('[data-counts]')).toHaveText(`New ${guideCards.length - 2} · Learning 1 · Due 0`);
  await expect(other.locator('[data-concept]')).toHaveAttribute('href', new RegExp(`^${GUIDE}`, 'u'));
  // The suspension came along: the guide's queue leaves the card out.
  const walked = await walkGuideQueue(other);
  expect(walked).not.toContain(textOf(byId(GUIDE_CARDS.precompute).front));
  await fresh.close();
});
