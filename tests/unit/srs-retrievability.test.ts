import { expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/lib/review-log/schema.ts';
import { retrievabilityAt } from '../../src/lib/srs/retrievability.ts';
import { createScheduler, Rating } from '../../src/lib/srs/scheduler.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 10);

test('the overlay reads the same probability of recall as the scheduler, at every age of a card', () => {
  const s = createScheduler(DEFAULT_SETTINGS);
  let card = s.rate('c', s.emptyCard(T0), T0, Rating.Good);
  card = s.rate('c', card, T0 + 600_000, Rating.Good);
  card = s.rate('c', card, T0 + 3 * DAY, Rating.Hard);
  for (const days of [0, 0.5, 1, 4, 20, 400]) {
    const now = T0 + 3 * DAY + days * DAY;
    expect(retrievabilityAt(card, now)).toBe(s.retrievability(card, now));
  }
  expect(retrievabilityAt(card, T0 + 60 * DAY)).toBeLessThan(0.9);
  expect(retrievabilityAt(s.emptyCard(T0), T0)).toBe(0);
});
