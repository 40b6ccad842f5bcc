import { RESET_RATING, type ReviewEntry } from '../review-log/schema.ts';
import { studyDaysBetween } from '../srs/day.ts';
import { replayLog } from '../srs/replay.ts';
import { Rating, State, type Scheduler } from '../srs/scheduler.ts';

/** How well a scheduler's memory model predicted the user's own answers. */
export interface ModelFit {
  /** Mean binary cross-entropy of "recalled" (any rating but Again) against predicted recall. */
  logLoss: number;
  /** Root mean squared error of the same (per review, not binned as in the FSRS benchmark). */
  rmse: number;
  /** Reviews scored. */
  reviews: number;
}

/** Predictions are clipped so one confident miss cannot make the loss infinite. */
const EPSILON = 1e-4;

/**
 * Scores `scheduler` on the log: every rating of a card made on a later study
 * day than its previous rating (the reviews fsrs-rs trains on), with the recall
 * the scheduler predicted just before it. Lower is better on both measures.
 */
export function modelFit(scheduler: Scheduler, entries: readonly ReviewEntry[]): ModelFit {
  let loss = 0;
  let squared = 0;
  let reviews = 0;
  replayLog(scheduler, entries, (entry, before) => {
    if (entry.rating === RESET_RATING || before.state === State.New || !before.last_review) return;
    if (studyDaysBetween(before.last_review.getTime(), entry.reviewedAt) < 1) return;
    const predicted = Math.min(1 - EPSILON, Math.max(EPSILON, scheduler.retrievability(before, entry.reviewedAt)));
    const recalled = entry.rating === Rating.Again ? 0 : 1;
    loss -= recalled * Math.log(predicted) + (1 - recalled) * Math.log(1 - predicted);
    squared += (predicted - recalled) ** 2;
    reviews++;
  });
  return reviews === 0
    ? { logLoss: Number.NaN, rmse: Number.NaN, reviews }
    : { logLoss: loss / reviews, rmse: Math.sqrt(squared / reviews), reviews };
}
