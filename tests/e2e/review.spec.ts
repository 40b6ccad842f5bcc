import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { builtDeck } from './support/built-site.ts';
import { expect as baseExpect, test, vibeBaseUrl } from './support/fixtures.ts';
import { chooseProgressFile } from './support/choose-progress-file.ts';
import { storedLog } from './support/stored-log.ts';

// Reviews write to IndexedDB between key presses; on a busy CI machine that can take a while.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 120_000 });

const deck = builtDeck();
const fixtures = join(import.meta.dirname, '..', 'fixtures', 'review');

async function openReview(page: Page, query = ''): Promise<void> {
  await page.goto(`/review/${query}`);
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeEnabled();
}

/** The text of the card's question side. */
const frontText = (page: Page) => page.locator('[data-front]').innerText();

/** Space to reveal, then a grade key; waits until the next card (or the summary) is on screen. */
async function answer(page: Page, key: '1' | '2' | '3' | '4'): Promise<void> {
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.locator('[data-grades]')).toBeVisible();
  await page.keyboard.press(key);
  await expect(page.locator('[data-grades]')).toBeHidden();
}

test('a whole session with the keyboard alone: reveal, rate with 1–4, counts, summary', async ({ page }) => {
  await openReview(page);
  await expect(page.locator('[data-counts]')).toHaveText('New 20 · Learning 0 · Due 0');
  const first = deck.cards[0];
  expect(first).toBeDefined();
  await expect(page.locator('[data-front]')).toContainText(
    (await page.evaluate((html) => {
      const t = document.createElement('template');
      t.innerHTML = html;
      return (t.content.textContent ?? '').trim().slice(0, 30);
    }, first?.front ?? '')) || '',
  );
  // The concept link points into the guide.
  await expect(page.locator('[data-concept]')).toHaveAttribute('href', first?.concept ?? '');
  await page.keyboard.press('Space');
  // The answer buttons show the intervals FSRS would schedule for a new card.
  const grades = page.locator('[data-grades] button');
  await expect(grades).toHaveText([/Again\s*1m/, /Hard\s*6m/, /Good\s*10m/, /Easy\s*\d+d/]);
  // Focus moved to Good, so Enter rates Good like Anki's space bar.
  await expect(page.getByRole('button', { name: /^Good/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-counts]')).toHaveText('New 19 · Learning 1 · Due 0');
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeFocused();
  await expect(page.locator('[data-live]')).toContainText('New card:');
  // Easy graduates the rest at once; the learning card comes back within the learn-ahead window.
  for (let i = 0; i < 19; i++) await answer(page, '4');
  await expect(page.locator('[data-counts]')).toHaveText('New 0 · Learning 1 · Due 0');
  await answer(page, '3');
  await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();
  await expect(page.locator('[data-summary-text]')).toContainText('You answered 21 cards');
  await expect(page.locator('[data-summary]')).toBeFocused();
  const log = await storedLog(page);
  expect(log).toHaveLength(21);
  expect(new Set(log.map((e) => e.cardId)).size).toBe(20);
});

test('progress survives a reload, and undo takes back the last rating', async ({ page }) => {
  await openReview(page);
  const firstFront = await frontText(page);
  await answer(page, '4');
  const secondFront = await frontText(page);
  await answer(page, '4');
  await expect(page.locator('[data-counts]')).toHaveText('New 18 · Learning 0 · Due 0');
  // Ctrl+Z brings the second card back, unrevealed, and removes its entry from the log.
  await page.keyboard.press('Control+z');
  await expect(page.locator('[data-counts]')).toHaveText('New 19 · Learning 0 · Due 0');
  expect(await frontText(page)).toBe(secondFront);
  await expect(page.locator('[data-back]')).toBeHidden();
  expect(await storedLog(page)).toHaveLength(1);
  await page.reload();
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeEnabled();
  await expect(page.locator('[data-counts]')).toHaveText('New 19 · Learning 0 · Due 0');
  expect(await frontText(page)).toBe(secondFront);
  expect(await frontText(page)).not.toBe(firstFront);
  const log = await storedLog(page);
  expect(log.map((e) => e.rating)).toEqual([4]);
});

test('two tabs reviewing at once neither lose nor duplicate a review', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await openReview(a);
  await openReview(b);
  const shared = await frontText(a);
  expect(await frontText(b)).toBe(shared);
  // A answers the card both tabs show: B is told and moves on instead of rating it again.
  await answer(a, '4');
  await expect(b.locator('[data-counts]')).toHaveText('New 19 · Learning 0 · Due 0');
  await expect.poll(() => frontText(b)).not.toBe(shared);
  // A rating B started before the broadcast arrived is refused by the store, not duplicated.
  await b.keyboard.press('Space');
  await answer(a, '4');
  await b.keyboard.press('4');
  for (let i = 0; i < 3; i++) {
    await answer(a, '4');
    await answer(b, '4');
  }
  await expect.poll(async () => (await storedLog(a)).length).toBeGreaterThanOrEqual(5);
  const log = await storedLog(a);
  expect(new Set(log.map((e) => e.cardId)).size).toBe(log.length);
  const counts = `New ${20 - log.length} · Learning 0 · Due 0`;
  await expect(a.locator('[data-counts]')).toHaveText(counts);
  await expect(b.locator('[data-counts]')).toHaveText(counts);
});

test('export, then import into a fresh browser profile; importing twice changes nothing', async ({ page, browser }) => {
  await openReview(page);
  for (let i = 0; i < 3; i++) await answer(page, '4');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export progress' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^vibe-check-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const path = await download.path();
  const exported = JSON.parse(readFileSync(path, 'utf8')) as { format: string; schemaVersion: number; log: unknown[] };
  expect(exported.format).toBe('vibe-check-progress');
  expect(exported.schemaVersion).toBe(2);
  expect(exported.log).toHaveLength(3);

  const fresh = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const other = await fresh.newPage();
  await openReview(other);
  await expect(other.locator('[data-counts]')).toHaveText('New 20 · Learning 0 · Due 0');
  await chooseProgressFile(other, path);
  await expect(other.locator('[data-import-summary]')).toContainText('Merging adds 3 reviews of 3 cards');
  await other.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(other.locator('[data-import-status]')).toHaveText(
    'Imported: 3 new reviews added, 3 reviews now stored.',
  );
  await expect(other.locator('[data-counts]')).toHaveText('New 17 · Learning 0 · Due 0');
  expect((await storedLog(other)).map((e) => e.id).sort()).toEqual(
    (exported.log as { id: string }[]).map((e) => e.id).sort(),
  );
  // Same file again: idempotent.
  await chooseProgressFile(other, path);
  await expect(other.locator('[data-import-summary]')).toContainText('Merging adds 0 reviews');
  await other.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(other.locator('[data-import-status]')).toHaveText(
    'Imported: 0 new reviews added, 3 reviews now stored.',
  );
  await fresh.close();
});

for (const [file, message] of [
  ['corrupt.json', /not valid JSON/],
  ['foreign.json', /not a Vibe Check progress file/],
  ['future-version.json', /newer version of Vibe Check/],
  ['damaged-entry.json', /damaged at log\.0\.rating/],
] as const) {
  test(`importing ${file} is refused with a clear message and changes nothing`, async ({ page }) => {
    await openReview(page);
    await answer(page, '4');
    const before = await storedLog(page);
    await chooseProgressFile(page, join(fixtures, file));
    await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
    await expect(page.locator('[data-import-preview]')).toBeHidden();
    expect(await storedLog(page)).toEqual(before);
    await expect(page.locator('[data-counts]')).toHaveText('New 19 · Learning 0 · Due 0');
  });
}

test('cram a section: every card once, Again sends it back, the schedule is untouched', async ({ page }) => {
  const section = 'archetypes';
  const count = deck.cards.filter((c) => c.section === section).length;
  expect(count).toBeGreaterThan(1);
  await openReview(page, `?section=${section}&mode=cram`);
  await expect(page.locator('[data-counts]')).toContainText(`Cram: ${count} left`);
  await answer(page, '1');
  await expect(page.locator('[data-counts]')).toContainText(`Cram: ${count} left`);
  await answer(page, '3');
  await expect(page.locator('[data-counts]')).toContainText(`Cram: ${count - 1} left`);
  expect(await storedLog(page)).toHaveLength(0);
});

test('filter by section: only that section’s cards are queued', async ({ page }) => {
  await page.goto('/review/');
  await expect(page.locator('[data-filter-section]')).toBeEnabled();
  await page.locator('[data-filter-section]').selectOption('phases');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page).toHaveURL(/section=phases/);
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeEnabled();
  const firstPhase = deck.cards.find((c) => c.section === 'phases');
  await expect(page.locator('[data-concept]')).toHaveAttribute('href', firstPhase?.concept ?? '');
});

test('the filter form works before the app has loaded (no script at all)', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL: baseURL ?? '', javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/review/');
  await page.locator('[data-filter-tag]').selectOption({ index: 1 });
  await page.getByLabel('Cram').check();
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page).toHaveURL(/\/review\/\?section=&tag=[^&]+&mode=cram$/);
  await context.close();
});

test('says when it is offline and keeps working', async ({ page, context }) => {
  await openReview(page);
  await expect(page.locator('[data-network]')).toHaveText('Online.');
  await context.setOffline(true);
  await expect(page.locator('[data-network]')).toContainText('Offline: reviewing still works');
  await answer(page, '4');
  expect(await storedLog(page)).toHaveLength(1);
  await context.setOffline(false);
});

test('without IndexedDB the session works in memory and warns plainly', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined });
  });
  await openReview(page);
  await expect(page.getByRole('alert').filter({ hasText: 'progress will be lost' })).toBeVisible();
  await expect(page.locator('[data-storage]')).toHaveText('Progress is NOT being saved.');
  await answer(page, '4');
  await expect(page.locator('[data-counts]')).toHaveText('New 19 · Learning 0 · Due 0');
});

test('usable at 360 px and axe-clean in both themes', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openReview(page);
  await page.keyboard.press('Space');
  // Nothing of the review app sticks out of a 360 px screen (the site header is the layout's business).
  const overflowing = await page
    .locator('main *')
    .evaluateAll((els) =>
      els.filter((e) => e.getBoundingClientRect().right > 360).map((e) => e.outerHTML.slice(0, 80)),
    );
  expect(overflowing).toEqual([]);
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => (document.documentElement.dataset['theme'] = t), theme);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${theme}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  }
});

test('nothing below the card moves when the deck loads (no layout shift)', async ({ browser, baseURL }) => {
  // What sits under the card, as served (scripts off) and once the first card is on screen.
  const positions = async (javaScriptEnabled: boolean, width: number) => {
    const context = await browser.newContext({
      baseURL: baseURL ?? '',
      javaScriptEnabled,
      serviceWorkers: 'block',
      viewport: { width, height: 823 },
    });
    const page = await context.newPage();
    await page.goto('/review/');
    if (javaScriptEnabled) await expect(page.getByRole('button', { name: /Show answer/ })).toBeEnabled();
    const tops = await page
      .locator('.review-undo, .review-more')
      .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    await context.close();
    return tops;
  };
  for (const width of [412, 1280]) {
    expect(await positions(true, width), `moved at ${width} px`).toEqual(await positions(false, width));
  }
});

test('a focused review names what it covers and is axe-clean in both themes', async ({ page }) => {
  const page1 = deck.cards.find((c) => c.section === 'phases');
  const section = deck.cards.find((c) => c.concept.includes('#') && c.section === 'archetypes');
  const concepts = [page1?.concept.split('#')[0] ?? '', section?.concept ?? ''];
  await openReview(page, `?mode=cram&concepts=${encodeURIComponent(concepts.join(','))}`);
  const focus = page.locator('[data-focus]');
  await expect(focus).toBeVisible();
  await expect(focus).toContainText('Focused on what your drill flagged: ');
  await expect(focus.getByRole('link', { name: 'Review all cards instead' })).toHaveAttribute('href', '/review/');
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => (document.documentElement.dataset['theme'] = t), theme);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${theme}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  }
});

test('under a base path the deck loads and concept links keep the prefix', async ({ page }) => {
  const base = vibeBaseUrl();
  await page.goto(new URL('review/', base).href);
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeEnabled();
  await expect(page.locator('[data-concept]')).toHaveAttribute('href', /^\/vibe\//u);
});

test('statistics: forecast, heatmap, retention and mastery drawn from the local log', async ({ page }) => {
  await openReview(page, '?section=phases');
  for (let i = 0; i < 3; i++) await answer(page, '4');
  await page.getByRole('link', { name: /Statistics/ }).click();
  await expect(page.getByRole('heading', { name: 'Review statistics' })).toBeVisible();
  await expect(page.locator('[data-stats-status]')).toHaveText('3 reviews in this browser.');
  // The three Easy cards are due in a few days: the forecast's total says so.
  await expect(page.getByRole('img', { name: /Cards due per day/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^3 reviews on 1 day since/ })).toBeVisible();
  await expect(page.locator('[data-retention]')).toHaveText('No reviews of graduated cards in the last 30 days yet.');
  const phases = page.locator('.mastery-table').first();
  await expect(phases.locator('tbody tr').first()).toBeVisible();
  await expect(page.locator('.mastery-table meter').first()).toBeAttached();
  const studied = await page.locator('.mastery-table tbody td:nth-child(2)').allInnerTexts();
  expect(studied.map((t) => Number(t.split(' / ')[0])).reduce((a, b) => a + b, 0)).toBe(3);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});
