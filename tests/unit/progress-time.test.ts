import { expect, test } from 'vitest';
import { CLOCK_SKEW_TOLERANCE_MS, clampFutureEntries } from '../../src/lib/review-log/time.ts';
import { compareEntries } from '../../src/lib/review-log/order.ts';
import { entry } from '../fixtures/review/entries.ts';

const NOW = Date.UTC(2026, 0, 5, 10);

test('entries within the tolerance are untouched; later ones move to now, keeping their order', () => {
  const past = entry('a', 3, NOW - 60_000);
  const skewed = entry('a', 3, NOW + CLOCK_SKEW_TOLERANCE_MS);
  const hourAhead = entry('b', 1, NOW + 3_600_000);
  const year2100 = entry('b', 3, Date.UTC(2100, 0, 1));
  const result = clampFutureEntries([year2100, past, hourAhead, skewed], NOW);
  expect(result.clamped).toBe(2);
  expect(result.maxAheadMs).toBe(Date.UTC(2100, 0, 1) - NOW);
  const byId = new Map(result.entries.map((e) => [e.id, e]));
  expect(byId.get(past.id)).toEqual(past);
  expect(byId.get(skewed.id)).toEqual(skewed);
  // The hour-ahead Again still comes before the 2100 Good, and both are at or before now.
  expect(byId.get(hourAhead.id)?.reviewedAt).toBe(NOW - 1);
  expect(byId.get(year2100.id)?.reviewedAt).toBe(NOW);
  const order = [...result.entries].filter((e) => e.cardId === 'b').sort(compareEntries);
  expect(order.map((e) => e.id)).toEqual([hourAhead.id, year2100.id]);
});

test('nothing ahead: the same entries come back', () => {
  const log = [entry('a', 3, NOW - 1000)];
  expect(clampFutureEntries(log, NOW)).toEqual({ entries: log, clamped: 0, maxAheadMs: 0 });
});
