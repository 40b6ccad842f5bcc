import { validateStoredEntries } from '../../src/lib/review-log/stored.ts';
import { DEFAULT_SETTINGS, type ReviewEntry } from '../../src/lib/review-log/schema.ts';
import { buildQueue } from '../../src/lib/srs/queue.ts';
import { replayLog } from '../../src/lib/srs/replay.ts';
import { createScheduler } from '../../src/lib/srs/scheduler.ts';
import type { BenchContext } from './context.ts';
import { timeRuns } from './measure.ts';
import type { SectionResult } from './report.ts';
import { formatCount, formatMs, judgeGrowth, median } from './stats.ts';
import { createRandom } from '../lib/synthetic-content.ts';

const DAY = 86_400_000;
/** Days after a card's introduction when it comes back, roughly as FSRS spaces a card answered "Good". */
const REVIEW_OFFSETS = [0, 10 / 1440, 1, 3, 7, 16, 35, 70, 140, 280, 500, 800];
const HEX = '0123456789abcdef';

/**
 * A year of reviewing: `cards` cards introduced 30 a day, `reviews` entries in
 * all, spaced as FSRS would space them, rated Again/Hard/Good/Easy at 10/15/65/10 %.
 */
export function syntheticLog(cards: number, reviews: number, seed = 11): { entries: ReviewEntry[]; now: number } {
  const random = createRandom(seed);
  const start = Date.UTC(2025, 0, 6, 8);
  const perCard = Math.max(1, Math.round(reviews / cards));
  const entries: ReviewEntry[] = [];
  const id = () => Array.from({ length: 16 }, () => HEX[Math.floor(random() * 16)]).join('');
  for (let c = 0; c < cards && entries.length < reviews; c++) {
    const introduced = start + Math.floor(c / 30) * DAY;
    const cardHash = id();
    for (let r = 0; r < perCard && entries.length < reviews; r++) {
      const roll = random();
      entries.push({
        id: `e${id()}`,
        cardId: `card-${c}`,
        rating: roll < 0.1 ? 1 : roll < 0.25 ? 2 : roll < 0.9 ? 3 : 4,
        reviewedAt: Math.round(introduced + (REVIEW_OFFSETS[r] ?? r * 100) * DAY + random() * 3_600_000),
        cardHash,
      });
    }
  }
  // A loop, not Math.max(...): spreading 370,000 arguments overflows the stack.
  const now = entries.reduce((latest, e) => Math.max(latest, e.reviewedAt), 0) + 3_600_000;
  return { entries, now };
}

interface ReviewPoint {
  cards: number;
  reviews: number;
  runs: number;
  validateMs: number;
  replayMs: number;
  queueMs: number;
  due: number;
}

/**
 * Times what opening /review/ costs in CPU once the log is read from IndexedDB:
 * validating the stored entries, replaying the log through ts-fsrs into card
 * states, and building today's queue, for 1,000 cards / 10,000 reviews and
 * 10,000 cards / 100,000 reviews.
 */
export function benchReview(context: BenchContext): SectionResult {
  const title = 'Review: load, replay, queue (in-process)';
  const sizes = context.quick
    ? [{ cards: 1000, reviews: 10_000, runs: 1 }]
    : [
        { cards: 1000, reviews: 10_000, runs: 5 },
        { cards: 10_000, reviews: 100_000, runs: 2 },
      ];
  const points: ReviewPoint[] = [];
  for (const { cards, reviews, runs } of sizes) {
    context.log(`review: ${formatCount(cards)} cards, ${formatCount(reviews)} reviews`);
    const { entries, now } = syntheticLog(cards, reviews);
    // What IndexedDB hands back: plain objects, not the ones we built.
    const stored = JSON.parse(JSON.stringify(entries)) as unknown[];
    const scheduler = createScheduler(DEFAULT_SETTINGS);
    const cardIds = Array.from({ length: cards }, (_, i) => `card-${i}`);
    const validate = timeRuns(runs, () => validateStoredEntries(stored));
    const replay = timeRuns(runs, () => replayLog(scheduler, entries));
    const states = replayLog(scheduler, entries);
    const queue = timeRuns(runs, () => buildQueue({ cardIds, states, now, newPerDay: DEFAULT_SETTINGS.newPerDay }));
    const built = buildQueue({ cardIds, states, now, newPerDay: DEFAULT_SETTINGS.newPerDay });
    points.push({
      cards,
      reviews: entries.length,
      runs,
      validateMs: median(validate),
      replayMs: median(replay),
      queueMs: median(queue),
      due: built.learning.length + built.review.length,
    });
  }

  const notes: string[] = [];
  for (const [name, key] of [
    ['validate', 'validateMs'],
    ['replay', 'replayMs'],
    ['queue', 'queueMs'],
  ] as const) {
    const growth = judgeGrowth([{ size: 0, value: 0 }, ...points.map((p) => ({ size: p.reviews, value: p[key] }))]);
    if (growth.verdict === 'superlinear') {
      notes.push(
        `${name} grows faster than the log (${growth.ratio.toFixed(2)}× the per-review cost at the larger size).`,
      );
    }
  }
  const largest = points[points.length - 1];
  if (largest) {
    const total = largest.validateMs + largest.replayMs + largest.queueMs;
    notes.push(
      `Opening /review/ with ${formatCount(largest.reviews)} reviews costs about ${formatMs(total)} of CPU on this machine before the first card shows (plus reading IndexedDB).`,
    );
  }
  return {
    id: 'review',
    title,
    status: 'ok',
    tables: [
      {
        title: 'Median of several runs after a warm-up; ts-fsrs with fuzz and learning steps, default settings',
        columns: [
          'cards',
          'reviews',
          'runs',
          'validate log',
          'replay log',
          'build queue',
          'per review (replay)',
          'due today',
        ],
        rows: points.map((p) => [
          formatCount(p.cards),
          formatCount(p.reviews),
          String(p.runs),
          formatMs(p.validateMs),
          formatMs(p.replayMs),
          formatMs(p.queueMs),
          formatMs(p.replayMs / p.reviews),
          formatCount(p.due),
        ]),
      },
    ],
    notes,
    data: { points },
  };
}
