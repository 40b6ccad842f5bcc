import { chromium, type Page } from '@playwright/test';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeckCard } from '../../src/lib/deck-schema.ts';
import { CHROMIUM_ARGS, findChromium } from '../../tests/e2e/support/chromium.ts';
import { serveStatic } from '../lib/static-server.ts';
import type { BenchContext } from './context.ts';
import { build } from './first-visit.ts';
import type { SectionResult } from './report.ts';
import { formatCount, formatMs, median } from './stats.ts';

const DAY = 86_400_000;

/** A deck of `count` cards cut from the real one's first card: ids, fronts, sections and tags vary. */
export function syntheticDeck(template: DeckCard, count: number): DeckCard[] {
  const sections = ['start-here', 'archetypes', 'phases', 'toolbox', 'wrap-up', 'examples', 'prompts'] as const;
  return Array.from({ length: count }, (_, i) => ({
    ...template,
    id: `bench/card-${i}`,
    noteId: `bench/card-${i}`,
    front: `<p>Synthetic question ${i} about latency budget ${i % 97} and the north star metric</p>`,
    section: sections[i % sections.length] ?? 'phases',
    tags: [`tag-${i % 13}`],
  }));
}

interface Stored {
  entries: { id: string; cardId: string; rating: number; reviewedAt: number; cardHash: string }[];
  marks: { id: string; kind: 'suspend' | 'bury'; cardId: string; at: number }[];
}

/** Two thirds of the cards studied (1–6 reviews over 90 days), one in fifty suspended. */
export function syntheticProgress(deck: readonly DeckCard[], now: number): Stored {
  const entries: Stored['entries'] = [];
  const marks: Stored['marks'] = [];
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  for (const [i, card] of deck.entries()) {
    if (i % 3 !== 2) {
      const reviews = 1 + Math.floor(random() * 6);
      let at = now - 90 * DAY + Math.floor(random() * 30 * DAY);
      for (let r = 0; r < reviews; r++) {
        entries.push({
          id: `bench-${i}-${r}`,
          cardId: card.id,
          rating: 1 + Math.floor(random() * 4),
          reviewedAt: at,
          cardHash: card.hash,
        });
        at += Math.floor(random() * 10 * DAY) + 60_000;
      }
    }
    if (i % 50 === 0) marks.push({ id: `bench-mark-${i}`, kind: 'suspend', cardId: card.id, at: now - DAY });
  }
  return { entries, marks };
}

/** Writes the log and marks straight into the page's IndexedDB (the schema of `src/lib/store/db.ts`). */
export async function seed(page: Page, stored: Stored): Promise<void> {
  await page.evaluate(
    ({ entries, marks }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('vibe-check-progress', 2);
        open.onupgradeneeded = () => {
          const db = open.result;
          db.createObjectStore('log', { keyPath: 'id' }).createIndex('byCard', 'cardId');
          db.createObjectStore('meta');
          db.createObjectStore('marks', { keyPath: 'id' });
        };
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['log', 'marks'], 'readwrite');
          for (const entry of entries) tx.objectStore('log').put(entry);
          for (const mark of marks) tx.objectStore('marks').put(mark);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    stored,
  );
}

/** Drops the cached replay, so the next load replays the whole log. */
async function dropSnapshot(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const open = indexedDB.open('vibe-check-progress');
        open.onsuccess = () => {
          const tx = open.result.transaction('meta', 'readwrite');
          tx.objectStore('meta').delete('snapshot');
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      }),
  );
}

/** Whether the replay cache is stored (runs in the page). */
function hasSnapshot(): Promise<boolean> {
  return new Promise((resolve) => {
    const open = indexedDB.open('vibe-check-progress');
    open.onsuccess = () => {
      const request = open.result.transaction('meta').objectStore('meta').getKey('snapshot');
      request.onsuccess = () => {
        open.result.close();
        resolve(request.result !== undefined);
      };
    };
  });
}

/**
 * Milliseconds from navigation start until the first rows are in the table (recorded by a
 * MutationObserver), and how long of that the deck's download took (Resource Timing).
 */
async function firstRender(page: Page): Promise<{ rows: number; deck: number }> {
  await page.goto('/review/cards/');
  await page.waitForFunction(() => (window as unknown as { firstRows?: number }).firstRows !== undefined, null, {
    timeout: 60_000,
  });
  return page.evaluate(() => {
    const deck = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((entry) =>
      entry.name.endsWith('/deck.json'),
    );
    return {
      rows: (window as unknown as { firstRows: number }).firstRows,
      deck: deck ? deck.responseEnd - deck.startTime : Number.NaN,
    };
  });
}

/** Milliseconds from an interaction to the next frame after it (the table is redrawn synchronously). */
async function timeInteraction(page: Page, kind: 'sort' | 'filter', step: number): Promise<number> {
  return page.evaluate(
    async ({ kind, step }) => {
      const started = performance.now();
      if (kind === 'sort') {
        document.querySelector<HTMLButtonElement>(`[data-sort="${step % 2 === 0 ? 'stability' : 'due'}"]`)?.click();
      } else {
        const input = document.querySelector<HTMLInputElement>('[data-filter-text]');
        if (input) {
          input.value = step % 2 === 0 ? `question ${step}` : '';
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }
      }
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      return performance.now() - started;
    },
    { kind, step },
  );
}

/**
 * The card browser (/review/cards/) in Chromium at 10,000 cards and about
 * 23,000 reviews: time to the first rows, cold (the log replayed) and warm (the
 * replay restored from its cache), then a sort and a text filter, each timed
 * from the input to the next frame. Medians of the runs.
 */
export async function benchCardBrowser(context: BenchContext): Promise<SectionResult> {
  const title = 'Card browser (/review/cards/) in Chromium';
  const count = context.quick ? 2000 : 10_000;
  const runs = context.quick ? 1 : 5;
  const built = context.realBuildDir ?? (await build(context, join(context.tmp, 'card-browser-site')));
  const real = JSON.parse(readFileSync(join(built, 'deck.json'), 'utf8')) as { version: number; cards: DeckCard[] };
  const template = real.cards[0];
  if (!template) throw new Error('the real deck is empty');
  const deck = syntheticDeck(template, count);
  const stored = syntheticProgress(deck, Date.now());
  // A copy of the build serving the big deck as a file, as a real site would (not through the test's route).
  const dir = join(context.tmp, 'card-browser-served');
  cpSync(built, dir, { recursive: true });
  writeFileSync(join(dir, 'deck.json'), JSON.stringify({ version: real.version, cards: deck }));
  const server = await serveStatic(dir, '/');
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const samples = {
    cold: [] as number[],
    warm: [] as number[],
    deck: [] as number[],
    sort: [] as number[],
    filter: [] as number[],
  };
  try {
    const page = await (await browser.newContext({ baseURL: server.url, serviceWorkers: 'block' })).newPage();
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const rows = document.querySelector('[data-rows]');
        if (rows && rows.childElementCount > 0) {
          (window as unknown as { firstRows: number }).firstRows = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto('/about/');
    await seed(page, stored);
    for (let run = 1; run <= runs; run++) {
      context.log(`card browser: ${formatCount(count)} cards, run ${run}/${runs}`);
      await dropSnapshot(page);
      samples.cold.push((await firstRender(page)).rows);
      // The first visit fills the replay cache in the background: wait for it before the warm visit.
      await page.waitForFunction(hasSnapshot, null, { timeout: 60_000, polling: 200 });
      const warm = await firstRender(page);
      samples.warm.push(warm.rows);
      samples.deck.push(warm.deck);
      for (let step = 0; step < 4; step++) samples.sort.push(await timeInteraction(page, 'sort', step));
      for (let step = 0; step < 4; step++) samples.filter.push(await timeInteraction(page, 'filter', step));
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const row = (label: string, values: number[]) => [label, formatMs(median(values)), String(values.length)];
  return {
    id: 'card-browser',
    title,
    status: 'ok',
    tables: [
      {
        title: `${formatCount(count)} cards, ${formatCount(stored.entries.length)} reviews, ${formatCount(stored.marks.length)} suspended (median)`,
        columns: ['step', 'median', 'samples'],
        rows: [
          row('first rows, log replayed (no cache)', samples.cold),
          row('first rows, replay restored from its cache', samples.warm),
          row('… of which downloading deck.json (6 MB)', samples.deck),
          row('sort by a column → next frame', samples.sort),
          row('text filter → next frame', samples.filter),
        ],
      },
    ],
    notes: [],
    data: { cards: count, reviews: stored.entries.length, samples },
  };
}
