import { createEmptyCard, fsrs, Rating, State, StrategyMode, type Card, type FSRS, type Grade } from 'ts-fsrs';
import { recallProbability } from './recall.ts';
import { engineParameters, type SchedulerOptions } from './scheduler-identity.ts';

export { Rating, State, type Card, type Grade };

export type { SchedulerOptions };
export const GRADES: readonly Grade[] = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy];

/** A card's memory state plus the id that seeds its fuzz. */
type SeededCard = Card & { cardId: string };

/**
 * ts-fsrs (FSRS-6) with fuzz, learning steps and the user's retention and maximum
 * interval. The fuzz is seeded by card id and repetition count rather than by
 * the review's millisecond, so the interval a button shows is the interval the
 * rating schedules, even when the user takes a while to press it.
 */
export interface Scheduler {
  /** The state after rating `card` at `now` (it may carry the seeding id along; treat it as a Card). */
  rate(cardId: string, card: Card, now: number, grade: Grade): Card;
  /** The state each grade would lead to. */
  preview(cardId: string, card: Card, now: number): Record<Grade, Card>;
  /** Probability of recall at `now` (0 for a card never reviewed). */
  retrievability(card: Card, now: number): number;
  /** A never-reviewed card. */
  emptyCard(now: number): Card;
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const engine: FSRS = fsrs(engineParameters(options)).useStrategy(StrategyMode.SEED, function seedFromCardId() {
    // The rule `SEED_RULE` names (in the scheduler's identity): change one, change the other.
    const current = this['current'] as SeededCard;
    return `${current.cardId}:${current.reps}`;
  });
  const seeded = (cardId: string, card: Card): SeededCard => ({ ...card, cardId });
  return {
    rate: (cardId, card, now, grade) => engine.next(seeded(cardId, card), now, grade).card,
    preview(cardId, card, now) {
      const outcomes = engine.repeat(seeded(cardId, card), now);
      return {
        [Rating.Again]: outcomes[Rating.Again].card,
        [Rating.Hard]: outcomes[Rating.Hard].card,
        [Rating.Good]: outcomes[Rating.Good].card,
        [Rating.Easy]: outcomes[Rating.Easy].card,
      };
    },
    retrievability: (card, now) => recallProbability(card, now, engine.parameters.w),
    emptyCard: (now) => createEmptyCard(now),
  };
}
