import type { ReviewEntry } from '../review-log/schema.ts';
import { RESET_RATING } from '../review-log/schema.ts';
import { startOfStudyDay, studyDaysBetween } from './day.ts';
import { replayLog, type ReplayedCard } from './replay.ts';
import { Rating, State, type Scheduler } from './scheduler.ts';

/** Cards due on each of the next `days` study days; overdue cards count as due today. */
export function dueForecast(
  states: ReadonlyMap<string, ReplayedCard>,
  cardIds: Iterable<string>,
  now: number,
  days = 14,
): number[] {
  const counts = Array.from({ length: days }, () => 0);
  for (const cardId of cardIds) {
    const state = states.get(cardId);
    if (!state || state.card.state === State.New) continue;
    const offset = Math.max(0, studyDaysBetween(now, state.card.due.getTime()));
    if (offset < days) counts[offset] = (counts[offset] ?? 0) + 1;
  }
  return counts;
}

/** Ratings per study day (keyed by the day's 4 AM start, epoch ms) from `since` on. */
export function reviewsPerDay(entries: readonly ReviewEntry[], since: number): Map<number, number> {
  const counts = new Map<number, number>();
  for (const entry of entries) {
    if (entry.rating === RESET_RATING || entry.reviewedAt < since) continue;
    const day = startOfStudyDay(entry.reviewedAt);
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return counts;
}

export interface RetentionStats {
  /** Reviews of cards in the review state (not learning) in the window. */
  reviews: number;
  /** Of those, rated Hard, Good or Easy. */
  passed: number;
  /** passed / reviews, or null with no reviews. */
  retention: number | null;
}

/**
 * "True retention" as Anki reports it: of the reviews of graduated cards made
 * since `since`, the share not rated Again. Learning steps are excluded because
 * they test short-term memory, not what the scheduler predicts.
 */
export function trueRetention(scheduler: Scheduler, entries: readonly ReviewEntry[], since: number): RetentionStats {
  let reviews = 0;
  let passed = 0;
  replayLog(scheduler, entries, (entry, before) => {
    if (entry.reviewedAt < since || before.state !== State.Review) return;
    reviews++;
    if (entry.rating !== Rating.Again) passed++;
  });
  return { reviews, passed, retention: reviews === 0 ? null : passed / reviews };
}

export interface ConceptMastery {
  concept: string;
  cards: number;
  /** Cards reviewed at least once. */
  studied: number;
  /** Mean probability of recall now over all the concept's cards (new cards count 0). */
  mastery: number;
}

/** Mastery per concept: the mean FSRS retrievability of the cards that belong to it. */
export function masteryByConcept(
  scheduler: Scheduler,
  states: ReadonlyMap<string, ReplayedCard>,
  cards: readonly { id: string; concept: string }[],
  now: number,
): ConceptMastery[] {
  const byConcept = new Map<string, ConceptMastery>();
  for (const card of cards) {
    const entry = byConcept.get(card.concept) ?? { concept: card.concept, cards: 0, studied: 0, mastery: 0 };
    const state = states.get(card.id);
    entry.cards++;
    if (state && state.card.state !== State.New) {
      entry.studied++;
      entry.mastery += scheduler.retrievability(state.card, now);
    }
    byConcept.set(card.concept, entry);
  }
  return [...byConcept.values()].map((entry) => ({ ...entry, mastery: entry.mastery / entry.cards }));
}

/** Ratings in the log (resets excluded), and how many of them were made while reading a guide. */
export function reviewCounts(entries: readonly ReviewEntry[]): { total: number; whileReading: number } {
  let total = 0;
  let whileReading = 0;
  for (const entry of entries) {
    if (entry.rating === RESET_RATING) continue;
    total++;
    if (entry.source === 'reading') whileReading++;
  }
  return { total, whileReading };
}
