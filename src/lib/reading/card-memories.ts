import { RESET_RATING } from '../review-log/constants.ts';
import type { ReviewEntry } from '../review-log/schema.ts';
import type { ReplayedCard } from '../srs/replay.ts';
import { retrievabilityAt } from '../srs/retrievability.ts';
import type { CardMemory } from './memory.ts';

/** The last entry of each card in `cardIds`, in log order (time, then id). */
function lastEntries(entries: readonly ReviewEntry[], cardIds: ReadonlySet<string>): Map<string, ReviewEntry> {
  const last = new Map<string, ReviewEntry>();
  for (const entry of entries) {
    if (!cardIds.has(entry.cardId)) continue;
    const before = last.get(entry.cardId);
    if (
      !before ||
      entry.reviewedAt > before.reviewedAt ||
      (entry.reviewedAt === before.reviewedAt && entry.id > before.id)
    )
      last.set(entry.cardId, entry);
  }
  return last;
}

/**
 * What the overlay needs of each card, from the replayed states and the log:
 * recall probability now, last rating, due time; null for a card never
 * answered or reset since.
 */
export function cardMemories(
  entries: readonly ReviewEntry[],
  states: ReadonlyMap<string, ReplayedCard>,
  cardIds: readonly string[],
  now: number,
): CardMemory[] {
  const last = lastEntries(entries, new Set(cardIds));
  return cardIds.map((id) => {
    const state = states.get(id);
    const rating = last.get(id)?.rating;
    if (!state || state.card.state === 0 || rating === undefined || rating === RESET_RATING) return null;
    return {
      retrievability: retrievabilityAt(state.card, now),
      lastRating: rating,
      due: new Date(state.card.due).getTime(),
    };
  });
}
