import { expect, test } from 'vitest';

// Pinned before any date is made: New York has DST, which the rollover must survive.
process.env['TZ'] = 'America/New_York';
const { startOfStudyDay, studyDayStart, studyDaysBetween } = await import('../../src/lib/srs/day.ts');

const local = (y: number, m: number, d: number, h: number, min = 0) => new Date(y, m - 1, d, h, min).getTime();

test('the study day starts at 4 AM local time', () => {
  expect(startOfStudyDay(local(2026, 3, 10, 12))).toBe(local(2026, 3, 10, 4));
  expect(startOfStudyDay(local(2026, 3, 10, 4))).toBe(local(2026, 3, 10, 4));
  // 3:59 AM still belongs to the day before.
  expect(startOfStudyDay(local(2026, 3, 10, 3, 59))).toBe(local(2026, 3, 9, 4));
  expect(new Date(local(2026, 3, 10, 12)).getTimezoneOffset()).toBe(240);
});

test('the next study day starts at 4 AM even across a DST change', () => {
  // DST began on 8 March 2026 in New York: that day has 23 hours.
  const next = studyDayStart(local(2026, 3, 7, 20), 1);
  expect(next).toBe(local(2026, 3, 8, 4));
  expect(studyDayStart(local(2026, 3, 7, 20), 2)).toBe(local(2026, 3, 9, 4));
  expect(studyDayStart(local(2026, 3, 9, 4), 2) - studyDayStart(local(2026, 3, 7, 5), 2)).toBe(2 * 86_400_000);
});

test('days between counts study days, not 24-hour periods', () => {
  expect(studyDaysBetween(local(2026, 3, 10, 23), local(2026, 3, 11, 3))).toBe(0);
  expect(studyDaysBetween(local(2026, 3, 10, 23), local(2026, 3, 11, 5))).toBe(1);
  expect(studyDaysBetween(local(2026, 3, 7, 12), local(2026, 3, 9, 12))).toBe(2);
  expect(studyDaysBetween(local(2026, 3, 9, 12), local(2026, 3, 7, 12))).toBe(-2);
});
