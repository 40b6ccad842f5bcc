import { plural } from '../plural.ts';
import { studyDaysBetween } from '../srs/day.ts';

const MINUTE = 60_000;

/**
 * When a prompt graded in a guide comes up next, in words: learning steps in
 * minutes, then study days (which start at 4 AM, as in /review/), so "tomorrow"
 * means what the review page will show.
 */
export function nextReviewWords(now: number, due: number): string {
  const days = studyDaysBetween(now, due);
  if (days <= 0) {
    const minutes = Math.max(1, Math.round((due - now) / MINUTE));
    return minutes < 60 ? `in ${plural(minutes, 'minute')}` : 'later today';
  }
  return days === 1 ? 'tomorrow' : `in ${plural(days, 'day')}`;
}

/**
 * What a prompt says after a grade, a hold or an undo that did not reach storage (IndexedDB
 * missing, blocked or failing): plainly that nothing was saved.
 */
export const NOT_SAVED_WORDS =
  'NOT saved: this browser is not storing progress (private browsing, or storage is blocked or full), so it is lost when you leave the page. /review/ says more.';
