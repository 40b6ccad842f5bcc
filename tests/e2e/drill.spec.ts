import AxeBuilder from '@axe-core/playwright';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { builtDeck } from './support/built-site.ts';
import { expect, test, vibeBaseUrl } from './support/fixtures.ts';
import { filterByConcepts } from '../../src/lib/review/deck.ts';
import { chooseProgressFile } from './support/choose-progress-file.ts';
import { FIXTURE_CONTENT_DIR, OTHER_PROMPT, PROMPT } from './support/fixture-site.ts';

test.describe.configure({ timeout: 90_000 });

const START = new Date('2026-01-31T10:00:00Z');
const deck = builtDeck();

const phaseTitle = (page: Page) => page.locator('[data-phase-title]');
const timer = (page: Page) => page.locator('[data-timer]');
const notes = (page: Page) => page.getByLabel(/Your notes/);

/** Opens the page on a fake clock that only moves when the test moves it, from START on. */
async function openDrillPage(page: Page): Promise<void> {
  await page.clock.install({ time: new Date(START.getTime() - 60_000) });
  await page.goto('/drill/');
  await page.clock.pauseAt(START);
}

async function startDrill(page: Page, format: '45' | '60' = '45'): Promise<void> {
  await openDrillPage(page);
  await page.getByRole('combobox', { name: /^Prompt/ }).selectOption(PROMPT);
  await page.getByLabel(`${format} minutes`).check();
  await page.getByRole('button', { name: 'Start the drill' }).click();
}

/** An active drill whose five phases are all over, so the page opens on the rubric. */
async function seedFinishedDrill(page: Page): Promise<void> {
  const startedAt = START.getTime();
  const drill = {
    id: 'seeded-drill',
    promptId: PROMPT,
    format: 45,
    startedAt,
    phaseEndedAt: [4, 10, 15, 37, 42].map((m) => startedAt + m * 60_000),
    notes: ['Who bears the loss: merchant, issuer or platform?', '', '', '', ''],
    hintsShown: [0, 0, 0, 0, 0],
  };
  await page.addInitScript((value) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('vibe-check:drill:active', value);
      sessionStorage.setItem('seeded', '1');
    }
  }, JSON.stringify(drill));
}

async function score(page: Page, scores: number[]): Promise<void> {
  for (const [i, s] of scores.entries()) {
    await page.locator(`input[name="score-${i}"][value="${s}"]`).check();
  }
}

test('a full 45-minute drill: budgets from the phase pages, overrun warning, hints, next phase, rubric', async ({
  page,
}) => {
  await startDrill(page);
  await expect(phaseTitle(page)).toHaveText('Phase 1 of 5: Why the problem exists');
  await expect(phaseTitle(page)).toBeFocused();
  await expect(page.locator('[data-prompt-text]')).toHaveText(/fraud/i);
  await expect(timer(page)).toHaveText('4:00 left');
  await expect(page.locator('[data-steps] [aria-current="step"]')).toHaveText('1. Why the problem exists (4 min)');

  // Hints stay hidden until asked for; the prompt's own questions come first.
  await expect(page.locator('[data-hint-list] li')).toHaveCount(0);
  await page.getByRole('button', { name: 'Show a hint question' }).click();
  await expect(page.locator('[data-hint-list] li')).toHaveCount(1);
  await expect(page.locator('[data-hint-list] li')).toHaveText(/Who bears the loss/);

  await notes(page).fill('Who bears the loss on fraud: merchant or issuer? What catches fraud today, rules?');
  await page.clock.fastForward('03:00');
  await expect(timer(page)).toHaveText('1:00 left');
  await expect(page.locator('[data-overrun]')).toBeHidden();
  await page.clock.fastForward('01:30');
  await expect(timer(page)).toHaveText('0:30 over');
  await expect(timer(page)).toHaveClass(/is-overrun/);
  await expect(page.locator('[data-overrun]')).toHaveText(/over its 4-minute budget/);
  await expect(page.locator('[data-live]')).toHaveText(/over its 4-minute budget/);
  await expect(page.locator('[data-live]')).toHaveAttribute('aria-live', 'polite');

  const budgets = ['5:00', '5:00', '20:00', '5:00'];
  const titles = ['Success metrics and stakeholders', 'Constraints', 'Design', 'Closing'];
  for (const [i, title] of titles.entries()) {
    await page.getByRole('button', { name: 'Next phase' }).click();
    await expect(phaseTitle(page)).toHaveText(`Phase ${i + 2} of 5: ${title}`);
    await expect(timer(page)).toHaveText(`${budgets[i]} left`);
    await expect(notes(page)).toHaveValue('');
    await expect(page.locator('[data-overrun]')).toBeHidden();
    await notes(page).fill(`Notes for ${title}: latency at checkout, chargeback labels arrive late.`);
    await page.clock.fastForward('01:00');
  }
  await page.getByRole('button', { name: 'Finish the interview' }).click();

  await expect(page.getByRole('heading', { name: 'How did it go?' })).toBeFocused();
  // Every phase has to be scored before results are shown.
  await page.getByRole('button', { name: 'See my results' }).click();
  await expect(page.getByRole('heading', { name: 'Results' })).toBeHidden();
  await score(page, [4, 3, 1, 3, 2]);
  await page.getByLabel(/Deer in headlights/i).check();
  await page.getByRole('button', { name: 'See my results' }).click();

  await expect(page.getByRole('heading', { name: 'Results' })).toBeFocused();
  await expect(page.locator('[data-coverage-summary]')).toHaveText(
    /Your notes covered \d+ of \d+ key questions for “[^”]*fraud detection”/i,
  );
  const covered = page.locator('[data-coverage] .is-covered');
  await expect(covered.filter({ hasText: 'Who bears the loss' })).toHaveCount(1);
  const missedLinks = page.locator('[data-coverage] .is-missed a');
  expect(await missedLinks.count()).toBeGreaterThan(0);
  for (const href of await missedLinks.evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
    expect(href).toMatch(/^\/prompts\/fraud-detection\/#[a-z0-9-]+$/);
  }

  const review = page.getByRole('link', { name: 'Review these weak spots now' });
  const href = (await review.getAttribute('href')) ?? '';
  const url = new URL(href, page.url());
  expect(url.pathname).toBe('/review/');
  expect(url.searchParams.get('mode')).toBe('cram');
  const concepts = (url.searchParams.get('concepts') ?? '').split(',');
  expect(concepts).toEqual(
    expect.arrayContaining([
      '/phases/constraints/',
      '/prompts/fraud-detection/#constraints',
      '/phases/closing/',
      '/archetypes/deer-in-headlights/',
    ]),
  );
  expect(concepts).not.toContain('/phases/why-the-problem-exists/');

  // The history keeps the self-scores, and the drill is no longer "running".
  const history = JSON.parse((await page.evaluate(() => localStorage.getItem('vibe-check:drill:history'))) ?? '[]');
  expect(history).toHaveLength(1);
  expect(history[0]).toMatchObject({ promptId: PROMPT, format: 45, scores: [4, 3, 1, 3, 2] });
  expect(history[0].phaseMs).toEqual([270_000, 60_000, 60_000, 60_000, 60_000]);
  expect(await page.evaluate(() => localStorage.getItem('vibe-check:drill:active'))).toBeNull();

  // The focused review crams exactly the weak concepts' cards and leaves the schedule alone.
  const expected = filterByConcepts(deck.cards, concepts).length;
  expect(expected).toBeGreaterThan(0);
  expect(expected).toBeLessThan(deck.cards.length);
  await review.click();
  await expect(page).toHaveURL(/\/review\/\?mode=cram&concepts=/);
  await expect(page.locator('[data-counts]')).toHaveText(`Cram: ${expected} left · the schedule is not changed`);
  // It says what it is focused on, and how to leave the focus.
  const focus = page.locator('[data-focus]');
  await expect(focus).toContainText('Focused on what your drill flagged: ');
  await expect(focus).toContainText('Constraints');
  await expect(focus.getByRole('link', { name: 'Review all cards instead' })).toHaveAttribute('href', '/review/');
  const concept = await page.locator('[data-concept]').getAttribute('href');
  expect(filterByConcepts(deck.cards, concepts).some((c) => concept?.startsWith(c.concept.split('#')[0] ?? '-'))).toBe(
    true,
  );

  await page.goto('/drill/');
  const rows = page.locator('[data-history-body] tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('td')).toHaveText([
    /./,
    /fraud detection/i,
    '45 min',
    '4',
    '3',
    '1',
    '3',
    '2',
    /\d+\/\d+/,
  ]);
});

test('a reload in phase 3 resumes the phase, its clock and its notes', async ({ page }) => {
  await startDrill(page, '60');
  await page.clock.fastForward('02:00');
  await page.getByRole('button', { name: 'Next phase' }).click();
  await page.clock.fastForward('01:00');
  await page.getByRole('button', { name: 'Next phase' }).click();
  await expect(phaseTitle(page)).toHaveText('Phase 3 of 5: Constraints');
  await expect(timer(page)).toHaveText('7:00 left');
  await notes(page).pressSequentially('p99 under 100 ms?');
  await page.getByRole('button', { name: 'Show a hint question' }).click();
  await page.clock.fastForward('02:10');

  await page.reload();
  await expect(phaseTitle(page)).toHaveText('Phase 3 of 5: Constraints');
  await expect(timer(page)).toHaveText('4:50 left');
  await expect(notes(page)).toHaveValue('p99 under 100 ms?');
  await expect(page.locator('[data-hint-list] li')).toHaveCount(1);
  await expect(page.locator('[data-steps] [aria-current="step"]')).toHaveText('3. Constraints (7 min)');

  // Earlier phases' notes are kept too: back to the rubric after the last phase.
  await page.getByRole('button', { name: 'Next phase' }).click();
  await page.getByRole('button', { name: 'Next phase' }).click();
  await page.getByRole('button', { name: 'Finish the interview' }).click();
  await expect(page.getByRole('heading', { name: 'How did it go?' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'How did it go?' })).toBeVisible();
});

test('the drill offers every prompt page of the content’s prompts/, and a new prompt hints its own questions', async ({
  page,
}) => {
  const promptIds = readdirSync(join(FIXTURE_CONTENT_DIR, 'prompts'))
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => `prompts/${file.replace(/\.mdx$/, '')}`);
  await openDrillPage(page);
  const offered = await page
    .getByRole('combobox', { name: /^Prompt/ })
    .locator('option')
    .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value).filter(Boolean));
  // Pages elsewhere with a practice: block (worked examples) are offered too.
  expect(offered).toEqual(expect.arrayContaining(promptIds));
  expect(promptIds).toContain(OTHER_PROMPT);

  await page.getByRole('combobox', { name: /^Prompt/ }).selectOption(OTHER_PROMPT);
  await page.getByRole('button', { name: 'Start the drill' }).click();
  await expect(page.locator('[data-prompt-text]')).toHaveText(/help-center documents/);
  await page.getByRole('button', { name: 'Show a hint question' }).click();
  await expect(page.locator('[data-hint-list] li')).toHaveText(/Which questions drive most tickets/);
});

test('surprise me picks a prompt; abandon returns to the setup', async ({ page }) => {
  await openDrillPage(page);
  await page.getByRole('button', { name: 'Start the drill' }).click();
  await expect(phaseTitle(page)).toHaveText('Phase 1 of 5: Why the problem exists');
  await expect(page.locator('[data-prompt-text]')).not.toBeEmpty();
  await page.getByRole('button', { name: 'Abandon drill' }).click();
  await expect(page.getByRole('button', { name: 'Start the drill' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('vibe-check:drill:active'))).toBeNull();
});

test('under a base path, concept and review links keep the prefix', async ({ page }) => {
  await seedFinishedDrill(page);
  await page.goto(new URL('drill/', vibeBaseUrl()).href);
  await expect(page.getByRole('heading', { name: 'How did it go?' })).toBeVisible();
  await score(page, [3, 3, 3, 3, 3]);
  await page.getByRole('button', { name: 'See my results' }).click();
  const missed = page.locator('[data-coverage] .is-missed a').first();
  await expect(missed).toHaveAttribute('href', /^\/vibe\/prompts\/fraud-detection\/#/);
  await expect(page.getByRole('link', { name: 'Review these weak spots now' })).toHaveAttribute(
    'href',
    /^\/vibe\/review\/\?mode=cram&concepts=/,
  );
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds nothing on the running drill and the rubric (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await startDrill(page);
    await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
    await page.clock.fastForward('05:00');
    await expect(page.locator('[data-overrun]')).toBeVisible();
    // axe waits on timers of its own: let time flow again.
    await page.clock.resume();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Next phase' }).click();
    await page.getByRole('button', { name: 'Finish the interview' }).click();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });
}

test('the drill history travels in the progress export and comes back on import', async ({ page, browser }) => {
  await seedFinishedDrill(page);
  await page.goto('/drill/');
  await score(page, [2, 3, 4, 3, 1]);
  await page.getByRole('button', { name: 'See my results' }).click();
  await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible();

  await page.goto('/review/');
  await expect(page.getByRole('button', { name: 'Export progress' })).toBeEnabled();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export progress' }).click(),
  ]);
  const path = await download.path();
  const exported = JSON.parse(readFileSync(path, 'utf8')) as { drills?: { id: string; scores: number[] }[] };
  expect(exported.drills).toEqual([expect.objectContaining({ id: 'seeded-drill', scores: [2, 3, 4, 3, 1] })]);

  const fresh = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const other = await fresh.newPage();
  await other.goto('/review/');
  await expect(other.getByRole('button', { name: 'Export progress' })).toBeEnabled();
  await chooseProgressFile(other, path);
  await other.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(other.locator('[data-import-status]')).toHaveText(/Imported/);
  await other.goto('/drill/');
  await expect(other.locator('[data-history-body] tr td')).toHaveText([
    /./,
    /fraud detection/i,
    '45 min',
    '2',
    '3',
    '4',
    '3',
    '1',
    /\d+\/\d+/,
  ]);
  await fresh.close();
});
