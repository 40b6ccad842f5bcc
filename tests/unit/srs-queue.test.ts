import { expect, test } from 'vitest';

process.env['TZ'] = 'Europe/Paris';
const { buildQueue, countIntroducedToday, pickNext, LEARN_AHEAD_MS } = await import('../../src/lib/srs/queue.ts');
const { replayLog } = await import('../../src/lib/srs/replay.ts');
const { createScheduler, Rating } = await import('../../src/lib/srs/scheduler.ts');
const { entry } = await import('../fixtures/review/entries.ts');

const s = createScheduler({ desiredRetention: 0.9, maximumInterval: 36500 });
const local = (d: number, h: number, m = 0) => new Date(2026, 0, d, h, m).getTime();
const MIN = 60_000;
const deck = ['n1', 'n2', 'n3', 'l1', 'r1', 'r2', 'future'];

// Good then Good 10 minutes later graduates a card to a 2-day interval (too short to be fuzzed).
const graduate = (cardId: string, at: number) => [
  entry(cardId, Rating.Good, at),
  entry(cardId, Rating.Good, at + 10 * MIN),
];

// r1 and r2 graduated on 9 Jan (due 11 Jan), l1 is in learning, future was first seen today.
const log = [
  ...graduate('r1', local(9, 9)),
  ...graduate('r2', local(9, 8)),
  entry('l1', Rating.Again, local(11, 10)),
  ...graduate('future', local(11, 9)),
];

test('due reviews and learning cards, then new cards in deck order up to the daily limit', () => {
  const now = local(11, 10, 0);
  const queue = buildQueue({ cardIds: deck, states: replayLog(s, log), now, newPerDay: 3 });
  expect(queue.review.map((i) => i.cardId)).toEqual(['r2', 'r1']);
  expect(queue.learning.map((i) => i.cardId)).toEqual(['l1']);
  // "l1" and "future" were first rated today, so one new card is left of the three.
  expect(queue.fresh.map((i) => i.cardId)).toEqual(['n1']);
  expect(pickNext(queue, now)?.cardId).toBe('r2');
});

test('a learning card already due comes first; one due soon waits until nothing else is left', () => {
  const states = replayLog(s, log);
  const dueAt = local(11, 10, 1);
  const early = buildQueue({ cardIds: ['l1', 'n1'], states, now: local(11, 10, 0), newPerDay: 20 });
  expect(pickNext(early, local(11, 10, 0))?.cardId).toBe('n1');
  expect(pickNext(early, dueAt)?.cardId).toBe('l1');
  const onlyLearning = buildQueue({ cardIds: ['l1'], states, now: local(11, 10, 0), newPerDay: 20 });
  expect(pickNext(onlyLearning, local(11, 10, 0))?.cardId).toBe('l1');
  expect(pickNext(onlyLearning, dueAt - LEARN_AHEAD_MS - 1)).toBeNull();
});

test('"today" rolls over at 4 AM: cards due on the 12th wait until 4 AM', () => {
  const states = replayLog(s, graduate('x', local(10, 9))); // due 12 Jan 9:10
  expect(buildQueue({ cardIds: ['x'], states, now: local(11, 23), newPerDay: 0 }).review).toHaveLength(0);
  expect(buildQueue({ cardIds: ['x'], states, now: local(12, 3, 59), newPerDay: 0 }).review).toHaveLength(0);
  // After 4 AM on the 12th it is due, hours before 9:00.
  expect(buildQueue({ cardIds: ['x'], states, now: local(12, 4, 0), newPerDay: 0 }).review).toHaveLength(1);
});

test('cards introduced count by study day: 2 AM belongs to the day before', () => {
  const states = replayLog(s, [entry('a', Rating.Good, local(11, 2)), entry('b', Rating.Good, local(11, 5))]);
  expect(countIntroducedToday(states, local(11, 12))).toBe(1);
  expect(countIntroducedToday(states, local(11, 3))).toBe(1);
});

test('cards removed from the deck keep their state but are not queued', () => {
  const queue = buildQueue({ cardIds: ['n1'], states: replayLog(s, log), now: local(11, 10), newPerDay: 20 });
  expect(queue.review).toHaveLength(0);
  expect(queue.fresh.map((i) => i.cardId)).toEqual(['n1']);
});

test('a new card limit of 0 introduces nothing', () => {
  const queue = buildQueue({ cardIds: deck, states: new Map(), now: local(11, 10), newPerDay: 0 });
  expect(queue.fresh).toHaveLength(0);
  expect(pickNext(queue, local(11, 10))).toBeNull();
});

// Regression: at 03:57 a card rated Good (next step in 10 minutes, at 04:07) vanished from
// the learning count, because 04:07 is past the 4 AM rollover. A learning step belongs to
// the session it started in, as Anki's learn-ahead treats it.
test('a learning card due just past the 4 AM rollover stays in the queue within the learn-ahead window', () => {
  const ratedAt = local(12, 3, 57);
  const states = replayLog(s, [entry('n1', Rating.Good, ratedAt)]);
  const queue = buildQueue({ cardIds: ['n1'], states, now: ratedAt, newPerDay: 20 });
  expect(queue.learning.map((i) => i.cardId)).toEqual(['n1']);
  expect(pickNext(queue, ratedAt)?.cardId).toBe('n1');
});

test('suspended and buried cards are left out of every list and do not use up new-card slots', () => {
  const now = local(11, 10, 0);
  const states = replayLog(s, log);
  const queue = buildQueue({ cardIds: deck, states, now, newPerDay: 3, held: new Set(['r2', 'l1', 'n1']) });
  expect(queue.review.map((i) => i.cardId)).toEqual(['r1']);
  expect(queue.learning).toEqual([]);
  // Still one new slot left today, taken by the next unheld new card.
  expect(queue.fresh.map((i) => i.cardId)).toEqual(['n2']);
  expect(pickNext(queue, now)?.cardId).toBe('r1');
  expect(buildQueue({ cardIds: deck, states, now, newPerDay: 3, held: new Set(deck) })).toEqual({
    learning: [],
    review: [],
    fresh: [],
    laterToday: 0,
    waitingUnread: 0,
  });
});
