import { RESET_RATING, type ReviewEntry } from '../review-log/schema.ts';

/**
 * How long one review takes this user. The log holds when each rating was made,
 * not how long the card was looked at, so the time of a review is the gap from
 * the previous rating in the same sitting: consecutive ratings at most
 * `SITTING_GAP_MS` apart. Longer gaps are breaks, not reviews, and are dropped.
 */
export const SITTING_GAP_MS = 5 * 60_000;
/** Below this many measured gaps the median is noise; the plan uses `FALLBACK_SECONDS` instead. */
export const MIN_MEASURED_GAPS = 20;
/** A typical flashcard review (Anki's own statistics put most at 5–15 s). */
export const FALLBACK_SECONDS = 10;

export interface ReviewPace {
  /** Median seconds per review. */
  seconds: number;
  /** Gaps the median was taken over (0 when the fallback is used). */
  measured: number;
  /** True when the figure comes from the user's log rather than the fallback. */
  fromLog: boolean;
}

export function reviewPace(entries: readonly ReviewEntry[]): ReviewPace {
  const times = entries
    .filter((entry) => entry.rating !== RESET_RATING)
    .map((entry) => entry.reviewedAt)
    .sort((a, b) => a - b);
  const gaps: number[] = [];
  for (let i = 1; i < times.length; i++) {
    const gap = (times[i] as number) - (times[i - 1] as number);
    if (gap > 0 && gap <= SITTING_GAP_MS) gaps.push(gap);
  }
  if (gaps.length < MIN_MEASURED_GAPS) return { seconds: FALLBACK_SECONDS, measured: 0, fromLog: false };
  gaps.sort((a, b) => a - b);
  const middle = Math.floor(gaps.length / 2);
  const median =
    gaps.length % 2 === 1 ? (gaps[middle] as number) : ((gaps[middle - 1] as number) + (gaps[middle] as number)) / 2;
  return { seconds: median / 1000, measured: gaps.length, fromLog: true };
}
