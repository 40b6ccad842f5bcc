import { expect, test } from 'vitest';
import { replayCard, replayLog } from '../../src/lib/srs/replay.ts';
import { createScheduler, Rating, State } from '../../src/lib/srs/scheduler.ts';
import { entry } from '../fixtures/review/entries.ts';

const s = createScheduler({ desiredRetention: 0.9, maximumInterval: 36500 });
const T0 = Date.UTC(2026, 0, 5, 10);
const MIN = 60_000;
const DAY = 86_400_000;

const log = [
  entry('a', Rating.Good, T0),
  entry('b', Rating.Again, T0 + MIN),
  entry('a', Rating.Good, T0 + 10 * MIN),
  entry('b', Rating.Good, T0 + 2 * MIN),
  entry('a', Rating.Hard, T0 + 3 * DAY),
];

test('replaying a log equals rating each card by hand', () => {
  const states = replayLog(s, log);
  let a = s.rate('a', s.emptyCard(T0), T0, Rating.Good);
  a = s.rate('a', a, T0 + 10 * MIN, Rating.Good);
  a = s.rate('a', a, T0 + 3 * DAY, Rating.Hard);
  expect(states.get('a')?.card).toEqual(a);
  expect(states.get('a')?.introducedAt).toBe(T0);
  expect(states.get('b')?.card.state).toBe(State.Learning);
  expect(states.size).toBe(2);
});

test('replay does not depend on the order entries are stored in', () => {
  const forward = replayLog(s, log);
  const backward = replayLog(s, [...log].reverse());
  expect([...backward.entries()]).toEqual([...forward.entries()]);
});

test('undo is removing the last entry: the state is what it was before the rating', () => {
  const before = replayCard(s, log.filter((e) => e.cardId === 'a').slice(0, 2));
  const after = replayCard(
    s,
    log.filter((e) => e.cardId === 'a'),
  );
  expect(after?.card.reps).toBe(3);
  expect(before?.card.reps).toBe(2);
  expect(before?.card.state).toBe(State.Review);
});

test('a reset (rating 0) makes the card new again, keeping the log', () => {
  const states = replayLog(s, [...log, entry('a', 0, T0 + 4 * DAY, { cardHash: 'fedcba9876543210' })]);
  const a = states.get('a');
  expect(a?.card.state).toBe(State.New);
  expect(a?.card.reps).toBe(0);
  expect(a?.introducedAt).toBeNull();
  expect(a?.lastHash).toBe('fedcba9876543210');
});

// A guard against accidentally quadratic replay, not a benchmark (npm run bench times it).
test('replays 20,000 entries in linear-ish time', () => {
  const many = Array.from({ length: 20_000 }, (_, i) => entry(`c${i % 400}`, (i % 4) + 1, T0 + i * MIN));
  const start = performance.now();
  const states = replayLog(s, many);
  expect(states.size).toBe(400);
  expect(performance.now() - start).toBeLessThan(15_000);
}, 20_000);
