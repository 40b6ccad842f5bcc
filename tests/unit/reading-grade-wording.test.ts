import { expect, test } from 'vitest';

process.env['TZ'] = 'Europe/Paris';
const { nextReviewWords } = await import('../../src/lib/reading/grade-wording.ts');

const at = (d: number, h: number, m = 0) => new Date(2026, 0, d, h, m).getTime();

test('learning steps in minutes, then study days that start at 4 AM', () => {
  const now = at(10, 14);
  expect(nextReviewWords(now, now + 60_000)).toBe('in 1 minute');
  expect(nextReviewWords(now, now + 10 * 60_000)).toBe('in 10 minutes');
  expect(nextReviewWords(now, at(10, 22))).toBe('later today');
  // 3 AM tomorrow is still today's study day; 5 AM is tomorrow's.
  expect(nextReviewWords(now, at(11, 3))).toBe('later today');
  expect(nextReviewWords(now, at(11, 5))).toBe('tomorrow');
  expect(nextReviewWords(now, at(14, 9))).toBe('in 4 days');
});
