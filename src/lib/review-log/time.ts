import type { MarkEntry, ReviewEntry } from './schema.ts';
import { compareEntries } from './order.ts';

/**
 * Clocks on two devices disagree by a few seconds to a few minutes: entries up
 * to this far ahead of this device's clock are taken as they are.
 */
export const CLOCK_SKEW_TOLERANCE_MS = 5 * 60_000;

export interface DatedEntries {
  entries: ReviewEntry[];
  /** How many entries were dated beyond the tolerance and were moved to the import time. */
  clamped: number;
  /** How far ahead the furthest of them was, in milliseconds (0 when none). */
  maxAheadMs: number;
}

/**
 * Entries dated later than `now` plus the tolerance come from a clock that runs
 * ahead (or was wrong when they were made). Kept as they are, they would sort
 * after every review made here, so a future reset would undo each new rating.
 * They are dated to `now` instead, a millisecond apart in their own order, so a
 * card's sequence of ratings is kept and the next rating here comes after them.
 */
export function clampFutureEntries(entries: readonly ReviewEntry[], now: number): DatedEntries {
  const limit = now + CLOCK_SKEW_TOLERANCE_MS;
  const ahead = entries.filter((entry) => entry.reviewedAt > limit).sort(compareEntries);
  if (ahead.length === 0) return { entries: [...entries], clamped: 0, maxAheadMs: 0 };
  const redated = new Map(ahead.map((entry, i) => [entry, { ...entry, reviewedAt: now - (ahead.length - 1 - i) }]));
  const furthest = ahead.at(-1)?.reviewedAt ?? now;
  return {
    entries: entries.map((entry) => redated.get(entry) ?? entry),
    clamped: ahead.length,
    maxAheadMs: furthest - now,
  };
}

/**
 * Marks dated beyond the tolerance are dated to `now`: a burial from a clock
 * running days ahead would otherwise hide a card on a day it was never meant for.
 */
export function clampFutureMarks(marks: readonly MarkEntry[], now: number): MarkEntry[] {
  const limit = now + CLOCK_SKEW_TOLERANCE_MS;
  return marks.map((mark) => (mark.at > limit ? { ...mark, at: now } : mark));
}
