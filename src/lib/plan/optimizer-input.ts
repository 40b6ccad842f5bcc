import { RESET_RATING, type ReviewEntry } from '../review-log/schema.ts';
import { studyDaysBetween } from '../srs/day.ts';
import { compareEntries } from '../review-log/order.ts';
import { State, type Scheduler } from '../srs/scheduler.ts';
import { ROLLOVER_HOUR } from '../srs/day.ts';

/**
 * "Optimize" is offered from this many training reviews: ratings of a card on
 * a later study day than its previous rating, the items fsrs-rs learns from
 * (same-day learning steps are not). Anki's optimizer asks for a few hundred.
 */
export const OPTIMIZER_MIN_REVIEWS = 400;

/** The log as the arrays of an Anki revlog, which fsrs-rs's `computeParametersAnki` converts itself. */
export interface OptimizerRevlog {
  /** A number per card (fsrs-rs groups by it). */
  cids: BigInt64Array;
  /** Ratings 1–4. */
  eases: Uint8Array;
  /** Epoch ms of each rating. */
  ids: BigInt64Array;
  /** Anki's review kind: 0 learning (first rating and steps), 1 review, 2 relearning. */
  types: Uint8Array;
  /** Reviews fsrs-rs will train on (see `OPTIMIZER_MIN_REVIEWS`). */
  trainingReviews: number;
  /** Minutes to add to UTC so a day starts at the 4 AM rollover, as `computeParametersAnki` wants. */
  minuteOffset: number;
}

const KIND_OF_STATE: Record<State, number> = {
  [State.New]: 0,
  [State.Learning]: 0,
  [State.Review]: 1,
  [State.Relearning]: 2,
};

/**
 * Converts the log for the optimizer. A reset makes a card new again, so only
 * the ratings after a card's last reset are its history (fsrs-rs would keep the
 * latest run from a first learning step anyway). The review kind is the card's
 * state before the rating, from a replay with the current scheduler.
 */
export function optimizerRevlog(scheduler: Scheduler, entries: readonly ReviewEntry[], now: number): OptimizerRevlog {
  const byCard = new Map<string, ReviewEntry[]>();
  for (const entry of [...entries].sort(compareEntries)) {
    if (entry.rating === RESET_RATING) byCard.set(entry.cardId, []);
    else byCard.set(entry.cardId, [...(byCard.get(entry.cardId) ?? []), entry]);
  }
  const cids: bigint[] = [];
  const eases: number[] = [];
  const ids: bigint[] = [];
  const types: number[] = [];
  let trainingReviews = 0;
  let cid = 0n;
  for (const history of byCard.values()) {
    cid++;
    let card = scheduler.emptyCard(history[0]?.reviewedAt ?? now);
    history.forEach((entry, index) => {
      const previous = history[index - 1];
      if (previous && studyDaysBetween(previous.reviewedAt, entry.reviewedAt) > 0) trainingReviews++;
      cids.push(cid);
      eases.push(entry.rating);
      ids.push(BigInt(entry.reviewedAt));
      types.push(KIND_OF_STATE[card.state]);
      card = scheduler.rate(entry.cardId, card, entry.reviewedAt, entry.rating as 1 | 2 | 3 | 4);
    });
  }
  return {
    cids: BigInt64Array.from(cids),
    eases: Uint8Array.from(eases),
    ids: BigInt64Array.from(ids),
    types: Uint8Array.from(types),
    trainingReviews,
    minuteOffset: -new Date(now).getTimezoneOffset() - ROLLOVER_HOUR * 60,
  };
}
