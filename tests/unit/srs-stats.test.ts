import { expect, test } from 'vitest';

process.env['TZ'] = 'UTC';
const { replayLog } = await import('../../src/lib/srs/replay.ts');
const { createScheduler, Rating } = await import('../../src/lib/srs/scheduler.ts');
const { dueForecast, masteryByConcept, reviewsPerDay, trueRetention } = await import('../../src/lib/srs/stats.ts');
const { entry } = await import('../fixtures/review/entries.ts');

const s = createScheduler({ desiredRetention: 0.9, maximumInterval: 36500 });
const DAY = 86_400_000;
const MIN = 60_000;
const T0 = Date.UTC(2026, 0, 5, 10);
// Good, Good: a 2-day interval.
const graduate = (cardId: string, at: number) => [
  entry(cardId, Rating.Good, at),
  entry(cardId, Rating.Good, at + 10 * MIN),
];

test('due forecast counts cards per study day, overdue cards today, new cards never', () => {
  const log = [...graduate('a', T0), ...graduate('b', T0 - 5 * DAY), entry('c', Rating.Again, T0)];
  const states = replayLog(s, log);
  const forecast = dueForecast(states, ['a', 'b', 'c', 'new'], T0 + 20 * MIN, 14);
  expect(forecast).toHaveLength(14);
  // b is overdue and c (learning, 1 minute) is due today; a is due in 2 days.
  expect(forecast[0]).toBe(2);
  expect(forecast[2]).toBe(1);
  expect(forecast.reduce((x, y) => x + y, 0)).toBe(3);
});

test('reviews per day group by the 4 AM study day and skip resets', () => {
  const perDay = reviewsPerDay(
    [
      entry('a', 3, Date.UTC(2026, 0, 5, 3)),
      entry('b', 3, Date.UTC(2026, 0, 5, 5)),
      entry('c', 3, Date.UTC(2026, 0, 5, 23)),
      entry('c', 0, Date.UTC(2026, 0, 5, 23, 30)),
    ],
    0,
  );
  expect([...perDay.entries()]).toEqual([
    [Date.UTC(2026, 0, 4, 4), 1],
    [Date.UTC(2026, 0, 5, 4), 2],
  ]);
});

test('true retention counts only reviews of graduated cards in the window', () => {
  const log = [
    ...graduate('a', T0),
    entry('a', Rating.Good, T0 + 3 * DAY),
    ...graduate('b', T0),
    entry('b', Rating.Again, T0 + 3 * DAY),
    entry('b', Rating.Good, T0 + 3 * DAY + 10 * MIN), // relearning step: not counted
    ...graduate('c', T0),
    entry('c', Rating.Hard, T0 + 3 * DAY),
  ];
  expect(trueRetention(s, log, T0 - DAY)).toEqual({ reviews: 3, passed: 2, retention: 2 / 3 });
  expect(trueRetention(s, log, T0 + 4 * DAY)).toEqual({ reviews: 0, passed: 0, retention: null });
});

test('mastery per concept averages retrievability over all its cards', () => {
  const states = replayLog(s, graduate('a', T0));
  const mastery = masteryByConcept(
    s,
    states,
    [
      { id: 'a', concept: '/phases/x/#one' },
      { id: 'b', concept: '/phases/x/#one' },
      { id: 'c', concept: '/phases/x/#two' },
    ],
    T0 + 10 * MIN + 2 * DAY,
  );
  const one = mastery.find((m) => m.concept === '/phases/x/#one');
  expect(one).toMatchObject({ cards: 2, studied: 1 });
  // a sits right at its due date (≈ 90% recall), b is new (0).
  expect(one?.mastery).toBeGreaterThan(0.44);
  expect(one?.mastery).toBeLessThan(0.47);
  expect(mastery.find((m) => m.concept === '/phases/x/#two')).toMatchObject({ cards: 1, studied: 0, mastery: 0 });
});
