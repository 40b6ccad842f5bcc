import { afterEach, expect, test, vi } from 'vitest';
import type { DeckCard } from '../../src/lib/deck-schema.ts';
import { DEFAULT_SETTINGS } from '../../src/lib/review-log/constants.ts';
import type { ReviewEntry } from '../../src/lib/review-log/schema.ts';
import { CardCollection } from '../../src/lib/review/card-collection.ts';
import { replayLog } from '../../src/lib/srs/replay.ts';
import * as schedulerModule from '../../src/lib/srs/scheduler.ts';
import { entry, HASH, mark } from '../fixtures/review/entries.ts';
import { FITTED_W } from '../fixtures/srs/fitted.ts';

const T0 = Date.UTC(2026, 0, 5, 10);
const DAY = 86_400_000;
const ids = Array.from({ length: 200 }, (_, i) => `card-${i}`);
const cards = ids.map((id): DeckCard => ({
  id,
  noteId: id,
  kind: 'basic',
  front: `<p>${id}</p>`,
  back: '<p>A</p>',
  concept: `/phases/x/#${id}`,
  concepts: [`/phases/x/#${id}`],
  conceptTitle: ['X', id],
  section: 'phases',
  tags: [],
  origin: 'authored',
  source: 'phases/x.mdx',
  hash: HASH,
}));
const log = ids.flatMap((id, i) => [entry(id, 3, T0 + i), entry(id, 3, T0 + DAY + i)]);
const loaded = (entries: ReviewEntry[], settings = DEFAULT_SETTINGS) => ({ entries, marks: [], settings });

/** The cards the collection's scheduler rated since the last call: what a refresh replayed. */
function countRatedCards(): () => number {
  const rated = new Set<string>();
  const create = schedulerModule.createScheduler;
  vi.spyOn(schedulerModule, 'createScheduler').mockImplementation((options) => {
    const scheduler = create(options);
    return {
      ...scheduler,
      rate: (cardId, card, now, grade) => {
        rated.add(cardId);
        return scheduler.rate(cardId, card, now, grade);
      },
    };
  });
  return () => {
    const count = rated.size;
    rated.clear();
    return count;
  };
}

afterEach(() => vi.restoreAllMocks());

test("another tab's rating, undo and marks replay only the card they touch, and match a full replay", () => {
  const replayed = countRatedCards();
  const collection = new CardCollection(cards, loaded([...log]), undefined);
  expect(replayed()).toBe(200);

  const rating = entry('card-7', 1, T0 + 3 * DAY);
  collection.applyRemote({ type: 'appended', entry: rating });
  expect(replayed()).toBe(1);
  // The same message twice (two channels, a reload racing it) changes nothing.
  collection.applyRemote({ type: 'appended', entry: rating });
  expect(replayed()).toBe(0);
  const truth = replayLog(schedulerModule.createScheduler(DEFAULT_SETTINGS), [...log, rating]);
  replayed();
  expect(new Map(collection.snapshot().states)).toEqual(truth);

  collection.applyRemote({ type: 'removed', id: rating.id, cardId: rating.cardId });
  expect(replayed()).toBe(1);
  expect(new Map(collection.snapshot().states)).toEqual(
    replayLog(schedulerModule.createScheduler(DEFAULT_SETTINGS), log),
  );
  replayed();

  const suspension = mark('suspend', 'card-9', T0 + 2 * DAY);
  collection.applyRemote({ type: 'marks', added: [suspension], removed: [] });
  expect(replayed()).toBe(0);
  expect(collection.rows(T0 + 3 * DAY, (h) => h).find((row) => row.id === 'card-9')?.state).toBe('suspended');
  collection.applyRemote({ type: 'marks', added: [], removed: [suspension.id] });
  expect(collection.rows(T0 + 3 * DAY, (h) => h).find((row) => row.id === 'card-9')?.state).toBe('review');
});

test('a reload replays only the cards whose entries changed; new settings replay everything', () => {
  const replayed = countRatedCards();
  const collection = new CardCollection(cards, loaded([...log]), undefined);
  replayed();
  const changed = [...log.filter((e) => e.cardId !== 'card-3'), entry('card-4', 2, T0 + 5 * DAY)];
  collection.refresh(loaded(changed), undefined);
  // card-3 lost its entries (its state is dropped, nothing to rate), card-4 gained one.
  expect(replayed()).toBe(1);
  expect(new Map(collection.snapshot().states)).toEqual(
    replayLog(schedulerModule.createScheduler(DEFAULT_SETTINGS), changed),
  );
  replayed();

  const fitted = { ...DEFAULT_SETTINGS, parameters: FITTED_W };
  collection.refresh(loaded(changed, fitted), undefined);
  expect(replayed()).toBe(199);
  expect(collection.snapshot().fingerprint).toContain(`"w":[${FITTED_W.join(',')}]`);
});
