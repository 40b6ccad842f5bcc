/**
 * Study days start at 4 AM local time, as in Anki: a late-night session still
 * counts as "today", and cards due "tomorrow" are due from 4 AM, not midnight.
 */
export const ROLLOVER_HOUR = 4;

/** Epoch ms at which the study day containing `now` began. */
export function startOfStudyDay(now: number): number {
  const date = new Date(now);
  if (date.getHours() < ROLLOVER_HOUR) date.setDate(date.getDate() - 1);
  date.setHours(ROLLOVER_HOUR, 0, 0, 0);
  return date.getTime();
}

/** Epoch ms at which the study day `offset` days after the one containing `now` begins. */
export function studyDayStart(now: number, offset: number): number {
  const date = new Date(startOfStudyDay(now));
  // setDate keeps 4 AM across daylight-saving changes, where adding 24 h would not.
  date.setDate(date.getDate() + offset);
  date.setHours(ROLLOVER_HOUR, 0, 0, 0);
  return date.getTime();
}

/** Whole study days from the day containing `from` to the day containing `to` (negative when earlier). */
export function studyDaysBetween(from: number, to: number): number {
  const a = new Date(startOfStudyDay(from));
  const b = new Date(startOfStudyDay(to));
  // Calendar dates, not milliseconds: DST days are 23 or 25 hours long.
  const utcA = Date.UTC(a.getFullYear(), a.getMonth(), a.getDate());
  const utcB = Date.UTC(b.getFullYear(), b.getMonth(), b.getDate());
  return Math.round((utcB - utcA) / 86_400_000);
}
