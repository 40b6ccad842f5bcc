import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { builtDeck } from './support/built-site.ts';
import { expect as baseExpect, test, vibeBaseUrl } from './support/fixtures.ts';
import { GUIDE } from './support/fixture-site.ts';
import { storedLog } from './support/stored-log.ts';

// Grades go through a worker into IndexedDB; on a busy machine that can take a while.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 120_000 });

const deck = builtDeck();
const guideCards = deck.cards.filter((card) => card.concept.startsWith(GUIDE));
// A weekday morning, pinned: Date.now() stays here until the test moves it (timers still run).
const T0 = new Date('2026-03-02T10:00:00');
const DAY = 86_400_000;

const prompt = (page: Page, id: string): Locator => page.locator(`#card-${id}`);

/** Reveal with a click, then grade with a click on the named choice. */
async function gradeByClick(page: Page, id: string, choice: RegExp): Promise<void> {
  const block = prompt(page, id);
  await block.getByText('Show answer').click();
  await block.getByRole('button', { name: choice }).click();
  await expect(block.locator('[data-grade-status]')).toContainText('next review');
}

/** A TOC link's memory mark, as a screen reader hears it. */
const mark = (page: Page, slug: string) => page.locator(`table-of-contents a[href="#${slug}"] .toc-mark`);

test('prompts graded in place come back, mark the TOC, lead /review/, and fade with time', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.clock.setFixedTime(T0);
  await page.goto(GUIDE);
  // Nothing of the overlay shows for a reader with no progress.
  await expect(page.locator('table-of-contents .toc-mark')).toHaveCount(0);
  await expect(page.locator('[data-memory-link]')).toBeHidden();

  // 1. Forgot: the prompt comes back once more at the end of its section, just before the next H2.
  await gradeByClick(page, 'constraints-p99-not-mean', /^Forgot/u);
  await expect(prompt(page, 'constraints-p99-not-mean').locator('[data-grade-status]')).toContainText(
    'comes back once more at the end of this section',
  );
  const retry = prompt(page, 'constraints-p99-not-mean-again');
  await expect(retry).toBeVisible();
  await expect(retry).toContainText('Once more');
  expect(await retry.evaluate((el) => el.nextElementSibling?.id)).toBe('scale');
  expect(await retry.evaluate((el) => el.previousElementSibling?.id)).toBe('card-constraints-precompute');

  // 2. Remembered, by click; Hard and Easy are one step away.
  const precompute = prompt(page, 'constraints-precompute');
  await precompute.getByText('Show answer').click();
  await expect(precompute.getByRole('button', { name: /^Hard\s*2$/u })).toBeHidden();
  await precompute.getByRole('button', { name: 'Hard or easy?' }).click();
  await expect(precompute.getByRole('button', { name: /^Easy\s*4$/u })).toBeVisible();
  await precompute.getByRole('button', { name: /^Remembered/u }).click();
  await expect(precompute.locator('[data-grade-status]')).toHaveText(/^Remembered: next review in 10 minutes\./u);

  // 3. Keyboard only: focus the reveal, Enter, then 3 (Remembered).
  const lateLabels = prompt(page, 'constraints-late-labels');
  await lateLabels.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(lateLabels.getByRole('button', { name: /^Remembered/u })).toBeVisible();
  await page.keyboard.press('3');
  await expect(lateLabels.locator('[data-grade-status]')).toContainText('Remembered: next review');
  await expect(lateLabels.locator('summary')).toBeFocused();

  const log = await storedLog(page);
  expect(log.map((e) => [e.cardId, e.rating, e.source]).sort()).toEqual([
    ['constraints-late-labels', 3, 'reading'],
    ['constraints-p99-not-mean', 1, 'reading'],
    ['constraints-precompute', 3, 'reading'],
  ]);

  // Reload: the TOC marks the sections, as text for screen readers, with the thresholds stated.
  await page.reload();
  await expect(mark(page, 'latency-budget')).toHaveText('✕ (forgotten)');
  await expect(mark(page, 'data-and-labels')).toHaveText('● (strong)');
  await expect(mark(page, 'why-these-three')).toHaveText('○ (unseen)');
  await expect(mark(page, 'latency-budget')).toHaveAttribute('title', /Strong: 90% or more chance of recall now/u);
  await expect(page.locator('[data-memory-legend]')).toBeVisible();
  const line = page.locator('[data-memory-link]');
  await expect(line).toHaveText(`${guideCards.length} cards here · 0 due now`);
  await expect(line).toHaveAttribute('href', `/review/?page=${encodeURIComponent(GUIDE)}`);

  // /review/: the three are learning, not new; new cards come from the guide just read, first.
  await page.goto('/review/');
  await expect(page.getByRole('button', { name: /Show answer/u })).toBeEnabled();
  await expect(page.locator('[data-counts]')).toHaveText(`New ${guideCards.length - 3} · Learning 3 · Due 0`);
  await expect(page.locator('[data-concept]')).toHaveAttribute('href', new RegExp(`^${GUIDE}`, 'u'));
  await expect(page.locator('[data-unread-count]')).toHaveText(
    `${deck.cards.length - guideCards.length} new cards wait in guides you have not opened yet.`,
  );

  // Twenty days later: the states fade and cards are due.
  await page.clock.setFixedTime(new Date(T0.getTime() + 20 * DAY));
  await page.goto(GUIDE);
  await expect(line).toHaveText(`${guideCards.length} cards here · 3 due now`);
  await expect(mark(page, 'data-and-labels')).not.toHaveText('● (strong)');
  await expect(mark(page, 'data-and-labels')).toHaveAttribute('data-level', /fading|forgotten/u);

  // Axe-clean with progress shown, in both themes.
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => (document.documentElement.dataset['theme'] = t), theme);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${theme}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  }
});

test('?page= reviews just that guide’s cards', async ({ page }) => {
  await page.goto(`/review/?page=${encodeURIComponent(GUIDE)}`);
  await expect(page.getByRole('button', { name: /Show answer/u })).toBeEnabled();
  await expect(page.locator('[data-counts]')).toHaveText(`New ${guideCards.length} · Learning 0 · Due 0`);
  await expect(page.locator('[data-concept]')).toHaveAttribute('href', new RegExp(`^${GUIDE}`, 'u'));
  await expect(page.locator('[data-focus]')).toContainText('Focused on the cards of this guide: Constraints');
});

test('grading in a guide updates the queue of /review/ open in another tab', async ({ context }) => {
  const review = await context.newPage();
  await review.goto('/review/');
  await expect(review.getByRole('button', { name: /Show answer/u })).toBeEnabled();
  await expect(review.locator('[data-counts]')).toHaveText('New 20 · Learning 0 · Due 0');
  const guide = await context.newPage();
  await guide.goto(GUIDE);
  await gradeByClick(guide, 'constraints-precompute', /^Remembered/u);
  await expect(review.locator('[data-counts]')).toHaveText('New 19 · Learning 1 · Due 0');
  // Undo in the guide takes it back there too.
  await prompt(guide, 'constraints-precompute').getByRole('button', { name: 'Undo' }).click();
  await expect(review.locator('[data-counts]')).toHaveText('New 20 · Learning 0 · Due 0');
});

test('without JavaScript a prompt still reveals its answer', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL ?? '' });
  const page = await context.newPage();
  await page.goto(GUIDE);
  const block = prompt(page, 'constraints-precompute');
  await block.getByText('Show answer').click();
  await expect(block.locator('.check-a')).toBeVisible();
  await expect(block.getByRole('button', { name: /^Remembered/u })).toBeHidden();
  await context.close();
});

test('under /vibe/ grading, its worker and the overlay all stay under the base path', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  const base = vibeBaseUrl();
  await page.goto(new URL(GUIDE.slice(1), base).href);
  await gradeByClick(page, 'constraints-precompute', /^Remembered/u);
  await page.reload();
  await expect(mark(page, 'latency-budget')).toHaveText('● (strong)');
  await expect(page.locator('[data-memory-link]')).toHaveAttribute(
    'href',
    `/vibe/review/?page=${encodeURIComponent(GUIDE)}`,
  );
  await page.locator('[data-memory-link]').click();
  await expect(page.locator('[data-counts]')).toHaveText(`New ${guideCards.length - 1} · Learning 1 · Due 0`);
});

/** The page's cumulative layout shift so far (every shift, input or not). */
const layoutShift = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        // A buffered observer holds every shift so far at once: takeRecords() reads them, no waiting.
        const observer = new PerformanceObserver(() => undefined);
        observer.observe({ type: 'layout-shift', buffered: true });
        const shifts = observer.takeRecords();
        observer.disconnect();
        resolve(shifts.reduce((sum, e) => sum + (e as unknown as { value: number }).value, 0));
      }),
  );

test('nothing moves when the overlay fills in, with progress or without (CLS 0)', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(GUIDE);
  // Without progress the overlay runs (the visit is recorded) and shows nothing.
  await expect
    .poll(() => page.evaluate(() => document.querySelector('[data-memory-link]')?.hasAttribute('hidden')))
    .toBe(true);
  expect(await layoutShift(page)).toBe(0);
  await gradeByClick(page, 'constraints-precompute', /^Remembered/u);
  await page.reload();
  await expect(page.locator('[data-memory-link]')).toBeVisible();
  await expect(mark(page, 'latency-budget')).toBeVisible();
  expect(await layoutShift(page)).toBe(0);
});
