import { expect, test } from 'vitest';
import {
  cardLevel,
  hasProgress,
  MEMORY_LEGEND,
  pageSummary,
  sectionLevel,
  type CardMemory,
} from '../../src/lib/reading/memory.ts';

const NOW = Date.UTC(2026, 0, 10);
const card = (retrievability: number, lastRating = 3, due = NOW + 86_400_000): CardMemory => ({
  retrievability,
  lastRating,
  due,
});

test('a card is strong from 90% recall, fading from 70%, forgotten below, or when last answered Forgot', () => {
  expect(cardLevel(null)).toBe('unseen');
  expect(cardLevel(card(0.97))).toBe('strong');
  expect(cardLevel(card(0.9))).toBe('strong');
  expect(cardLevel(card(0.89))).toBe('fading');
  expect(cardLevel(card(0.7))).toBe('fading');
  expect(cardLevel(card(0.69))).toBe('forgotten');
  // Just answered Forgot: FSRS puts recall near 100% at t = 0, but the reader did not know it.
  expect(cardLevel(card(0.99, 1))).toBe('forgotten');
});

test('the legend states the thresholds the levels use', () => {
  expect(MEMORY_LEGEND).toContain('90%');
  expect(MEMORY_LEGEND).toContain('70%');
});

test('a section takes its weakest answered card; unanswered cards do not make it unseen', () => {
  expect(sectionLevel([])).toBe('unseen');
  expect(sectionLevel([null, null])).toBe('unseen');
  expect(sectionLevel([null, card(0.95)])).toBe('strong');
  expect(sectionLevel([card(0.95), card(0.8), null])).toBe('fading');
  expect(sectionLevel([card(0.8), card(0.95, 1)])).toBe('forgotten');
});

test('the page summary counts every card and the answered ones now due', () => {
  const cards = [null, card(0.95), card(0.8, 3, NOW - 1), card(0.6, 1, NOW)];
  expect(pageSummary(cards, NOW)).toEqual({ cards: 4, due: 2 });
  expect(hasProgress(cards)).toBe(true);
  expect(hasProgress([null, null])).toBe(false);
});
