import { RESET_RATING } from '../review-log/constants.ts';
import { compareEntries } from '../review-log/order.ts';
import type { ReviewEntry } from '../review-log/schema.ts';
import type { ReplayedCard } from '../srs/replay.ts';
import { recallProbability } from '../srs/recall.ts';
import { activeWeights, type SchedulerOptions } from '../srs/scheduler-identity.ts';
import { State } from '../srs/card-state.ts';
import type { CardMemory } from './memory.ts';

/** The last entry of each card in `cardIds`, in log order (time, then id). */
function lastEntries(entries: readonly ReviewEntry[], cardIds: ReadonlySet<string>): Map<string, ReviewEntry> {
  const last = new Map<string, ReviewEntry>();
  for (const entry of entries) {
    if (!cardIds.has(entry.cardId)) continue;
    const before = last.get(entry.cardId);
    if (!before || compareEntries(entry, before) > 0) last.set(entry.cardId, entry);
  }
  return last;
}

/**
 * What the overlay needs of each card, from the replayed states and the log:
 * recall probability now (over the active weights of `options`, as the
 * scheduler computes it), last rating, due time; null for a card never
 * answered or reset since.
 */
export function cardMemories(
  entries: readonly ReviewEntry[],
  states: ReadonlyMap<string, ReplayedCard>,
  cardIds: readonly string[],
  now: number,
  options: SchedulerOptions,
): CardMemory[] {
  const last = lastEntries(entries, new Set(cardIds));
  const weights = activeWeights(options);
  return cardIds.map((id) => {
    const state = states.get(id);
    const rating = last.get(id)?.rating;
    if (!state || state.card.state === State.New || rating === undefined || rating === RESET_RATING) return null;
    return {
      retrievability: recallProbability(state.card, now, weights),
      lastRating: rating,
      due: new Date(state.card.due).getTime(),
    };
  });
}
