import { performance } from 'node:perf_hooks';
import type { DeckCard } from '../../src/lib/deck-schema.ts';
import { DEFAULT_SETTINGS } from '../../src/lib/review-log/constants.ts';
import type { ReviewEntry } from '../../src/lib/review-log/schema.ts';
import { CardCollection } from '../../src/lib/review/card-collection.ts';
import { median } from './stats.ts';

// What one rating made in another tab costs the card browser on the main thread, at the log sizes of
// issue 22 (5,000 and 52,000 entries): the full replay it used to do (a new collection over the changed
// log, whose cached replay no longer matches) against folding the one entry in. Rows included, as the
// page rebuilds them either way; reading IndexedDB is not (the full path reads the log too).
// Run: npm run bench:card-browser-refresh

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 1);
const RUNS = 7;

function synthetic(entryCount: number): { cards: DeckCard[]; entries: ReviewEntry[] } {
  const cardCount = Math.round(entryCount / 3);
  const cards = Array.from({ length: cardCount }, (_, i): DeckCard => ({
    id: `bench/card-${i}`,
    noteId: `bench/card-${i}`,
    kind: 'basic',
    front: `<p>Synthetic question ${i}</p>`,
    back: '<p>A</p>',
    concept: `/phases/x/#c${i % 97}`,
    concepts: [`/phases/x/#c${i % 97}`],
    conceptTitle: ['X', `c${i % 97}`],
    section: 'phases',
    tags: [],
    origin: 'authored',
    source: 'phases/x.mdx',
    hash: '0123456789abcdef',
  }));
  const entries = Array.from({ length: entryCount }, (_, i): ReviewEntry => {
    const card = i % cardCount;
    const round = Math.floor(i / cardCount);
    return {
      id: `e-${i}`,
      cardId: `bench/card-${card}`,
      rating: 1 + ((i * 7) % 4),
      reviewedAt: NOW - 90 * DAY + round * 9 * DAY + card * 1000,
      cardHash: '0123456789abcdef',
    };
  });
  return { cards, entries };
}

const time = (run: () => void): number => {
  const started = performance.now();
  run();
  return performance.now() - started;
};

for (const size of [5_000, 52_000]) {
  const { cards, entries } = synthetic(size);
  const collection = new CardCollection(
    cards,
    { entries: [...entries], marks: [], settings: DEFAULT_SETTINGS },
    undefined,
  );
  const snapshot = collection.snapshot();
  const full: number[] = [];
  const incremental: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const rating: ReviewEntry = {
      id: `remote-${run}`,
      cardId: `bench/card-${run * 11}`,
      rating: 3,
      reviewedAt: NOW + run * 1000,
      cardHash: '0123456789abcdef',
    };
    entries.push(rating);
    full.push(
      time(() =>
        new CardCollection(cards, { entries: [...entries], marks: [], settings: DEFAULT_SETTINGS }, snapshot).rows(
          NOW,
          (h) => h,
        ),
      ),
    );
    incremental.push(
      time(() => {
        collection.applyRemote({ type: 'appended', entry: rating });
        collection.rows(NOW, (h) => h);
      }),
    );
  }
  console.log(
    `${size.toLocaleString('en')} entries, ${cards.length.toLocaleString('en')} cards: ` +
      `full replay ${median(full).toFixed(1)} ms, one card ${median(incremental).toFixed(1)} ms (medians of ${RUNS})`,
  );
}
