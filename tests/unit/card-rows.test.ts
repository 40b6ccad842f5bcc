import { expect, test } from 'vitest';
import type { DeckCard } from '../../src/lib/deck-schema.ts';
import { RESET_RATING } from '../../src/lib/review-log/schema.ts';
import { planCardAction } from '../../src/lib/review/card-actions.ts';
import { CardCollection } from '../../src/lib/review/card-collection.ts';
import {
  buildCardRows,
  filterRows,
  lastEntries,
  NO_FILTER,
  sortRows,
  type CardRow,
} from '../../src/lib/review/card-rows.ts';
import { cardHolds } from '../../src/lib/srs/holds.ts';
import { replayLog } from '../../src/lib/srs/replay.ts';
import { createScheduler, Rating } from '../../src/lib/srs/scheduler.ts';
import { entry, HASH, mark, OTHER_HASH } from '../fixtures/review/entries.ts';

const T0 = new Date(2026, 0, 5, 10).getTime();
const DAY = 86_400_000;
const scheduler = createScheduler({ desiredRetention: 0.9, maximumInterval: 36500 });

function card(id: string, section: 'phases' | 'toolbox', tags: string[] = []): DeckCard {
  return {
    id,
    noteId: id,
    kind: 'basic',
    front: `<p>Question <b>${id}</b></p>`,
    back: '<p>A</p>',
    concept: `/${section}/x/#${id}`,
    concepts: [`/${section}/x/#${id}`],
    conceptTitle: ['X', id],
    section,
    tags,
    origin: 'authored',
    source: `${section}/x.mdx`,
    hash: HASH,
  };
}

const cards = [
  card('a', 'phases', ['latency']),
  card('b', 'phases'),
  card('c', 'toolbox', ['latency']),
  card('d', 'toolbox'),
];
const log = [
  entry('a', Rating.Good, T0),
  entry('a', Rating.Good, T0 + 10 * 60_000),
  entry('b', Rating.Again, T0),
  entry('gone', Rating.Good, T0, { cardHash: OTHER_HASH }),
];
const marks = [mark('suspend', 'c', T0), mark('bury', 'b', T0 + 1000)];

function rows(now = T0 + 60 * 60_000): CardRow[] {
  return buildCardRows({
    cards,
    states: replayLog(scheduler, log),
    last: lastEntries(log),
    holds: cardHolds(marks, now),
    scheduler,
    now,
    textOf: (html) => html.replace(/<[^>]+>/gu, ''),
  });
}

test('every deck card, then retired ids from the log, each with its state', () => {
  const all = rows();
  expect(all.map((r) => [r.id, r.state])).toEqual([
    ['a', 'review'],
    ['b', 'buried'],
    ['c', 'suspended'],
    ['d', 'new'],
    ['gone', 'retired'],
  ]);
  const [a, , , d, gone] = all;
  expect(a?.front).toBe('Question a');
  expect(a?.lastRating).toBe(Rating.Good);
  expect(a?.stability).toBeGreaterThan(0);
  expect(a?.retrievability).toBeGreaterThan(0.9);
  expect(d).toMatchObject({ due: null, stability: null, retrievability: null, lastRating: null, lapses: 0 });
  // A retired card keeps its history and the hash it was last reviewed with.
  expect(gone).toMatchObject({ concept: null, section: null, lastRating: Rating.Good, hash: OTHER_HASH });
});

test('the next day the burial is over and b is back in learning', () => {
  expect(rows(T0 + DAY).find((r) => r.id === 'b')?.state).toBe('learning');
});

test('filters by section, tag, state and words, all at once', () => {
  const all = rows();
  expect(filterRows(all, { ...NO_FILTER, section: 'toolbox' }).map((r) => r.id)).toEqual(['c', 'd']);
  expect(filterRows(all, { ...NO_FILTER, tag: 'latency' }).map((r) => r.id)).toEqual(['a', 'c']);
  expect(filterRows(all, { ...NO_FILTER, state: 'retired' }).map((r) => r.id)).toEqual(['gone']);
  expect(filterRows(all, { ...NO_FILTER, text: 'QUESTION  d' }).map((r) => r.id)).toEqual(['d']);
  expect(
    filterRows(all, { section: 'phases', tag: 'latency', state: 'review', text: 'question' }).map((r) => r.id),
  ).toEqual(['a']);
});

test('sorts each way with empty values last and ties in id order', () => {
  const all = rows();
  expect(sortRows(all, 'due', 'ascending').map((r) => r.id)).toEqual(['b', 'gone', 'a', 'c', 'd']);
  expect(sortRows(all, 'due', 'descending').at(-1)?.id).toBe('d');
  expect(sortRows(all, 'state', 'ascending').map((r) => r.state)).toEqual([
    'new',
    'review',
    'suspended',
    'buried',
    'retired',
  ]);
  expect(sortRows(all, 'front', 'descending').map((r) => r.id)).toEqual(['gone', 'd', 'c', 'b', 'a']);
});

test('actions only touch the cards they change, never retired ones', () => {
  const all = rows();
  const now = T0 + DAY;
  const suspend = planCardAction('suspend', all, now);
  expect(suspend.marks.map((m) => [m.kind, m.cardId])).toEqual([
    ['suspend', 'a'],
    ['suspend', 'b'],
    ['suspend', 'd'],
  ]);
  expect(planCardAction('unsuspend', all, now).marks.map((m) => m.cardId)).toEqual(['c']);
  const reset = planCardAction('reset', all, now);
  expect(reset.marks).toEqual([]);
  expect(reset.entries.map((e) => [e.cardId, e.rating, e.cardHash])).toEqual([
    ['a', RESET_RATING, HASH],
    ['b', RESET_RATING, HASH],
  ]);
  expect(reset.entries.every((e) => e.reviewedAt === now)).toBe(true);
});

test('a reset is logged after the card’s latest entry, even one dated ahead of this clock', () => {
  const ahead = [entry('a', Rating.Good, T0 + 60_000)];
  const [a] = buildCardRows({
    cards: [card('a', 'phases')],
    states: replayLog(scheduler, ahead),
    last: lastEntries(ahead),
    holds: cardHolds([], T0),
    scheduler,
    now: T0,
    textOf: (html) => html,
  });
  const [reset] = planCardAction('reset', a ? [a] : [], T0).entries;
  expect(reset?.reviewedAt).toBe(T0 + 60_001);
  // Replayed, the reset wins: the card is new again.
  const states = replayLog(scheduler, [...ahead, ...(reset ? [reset] : [])]);
  expect(states.get('a')?.card.state).toBe(0);
});

test('the collection folds a batch in and takes exactly that batch out again on undo', () => {
  const now = T0 + DAY;
  const collection = new CardCollection(
    cards,
    {
      entries: [...log],
      marks: [...marks],
      settings: { newPerDay: 20, desiredRetention: 0.9, maximumInterval: 36500 },
    },
    undefined,
  );
  const states = () => collection.rows(now, (html) => html).map((r) => `${r.id}:${r.state}`);
  const before = states();
  const reset = planCardAction(
    'reset',
    collection.rows(now, (html) => html),
    now,
  );
  collection.apply(reset, 'added');
  expect(states()).toEqual(['a:new', 'b:new', 'c:suspended', 'd:new', 'gone:retired']);
  collection.apply(reset, 'removed');
  expect(states()).toEqual(before);
  // The cache it would save is exactly what a replay of the log gives.
  expect(new Map(collection.snapshot().states)).toEqual(replayLog(scheduler, log));
});
