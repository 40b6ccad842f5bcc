import type { ReviewEntry } from '../review-log/schema.ts';
import { RESET_RATING } from '../review-log/constants.ts';
import { compareEntries } from '../review-log/order.ts';
import type { Card, Grade, Scheduler } from './scheduler.ts';

/** A card's scheduling state, rebuilt from its log entries. */
export interface ReplayedCard {
  card: Card;
  /** Hash of the card's content at its last log entry. */
  lastHash: string;
  /** When the card was first rated since it was last new (null while it is new). */
  introducedAt: number | null;
  /** Epoch ms of its last entry. */
  lastEntryAt: number;
}

/** Called for every rating during a replay, with the state the card was in before it. */
export type ReplayObserver = (entry: ReviewEntry, before: Card) => void;

/** Applies one entry to a card's replayed state (undefined = never seen). */
export function applyEntry(
  scheduler: Scheduler,
  previous: ReplayedCard | undefined,
  entry: ReviewEntry,
  observe?: ReplayObserver,
): ReplayedCard {
  if (entry.rating === RESET_RATING) {
    return {
      card: scheduler.emptyCard(entry.reviewedAt),
      lastHash: entry.cardHash,
      introducedAt: null,
      lastEntryAt: entry.reviewedAt,
    };
  }
  const before = previous?.card ?? scheduler.emptyCard(entry.reviewedAt);
  observe?.(entry, before);
  return {
    card: scheduler.rate(entry.cardId, before, entry.reviewedAt, entry.rating as Grade),
    lastHash: entry.cardHash,
    introducedAt: previous?.introducedAt ?? entry.reviewedAt,
    lastEntryAt: entry.reviewedAt,
  };
}

/** Replays one card's entries (any order). */
export function replayCard(
  scheduler: Scheduler,
  entries: readonly ReviewEntry[],
  observe?: ReplayObserver,
): ReplayedCard | undefined {
  let state: ReplayedCard | undefined;
  for (const entry of [...entries].sort(compareEntries)) state = applyEntry(scheduler, state, entry, observe);
  return state;
}

/**
 * Replays a whole log (any order) into the state of every card it mentions:
 * the log is the truth, card states are derived from it. Pure, so a benchmark
 * can time it.
 */
export function replayLog(
  scheduler: Scheduler,
  entries: readonly ReviewEntry[],
  observe?: ReplayObserver,
): Map<string, ReplayedCard> {
  const states = new Map<string, ReplayedCard>();
  for (const entry of [...entries].sort(compareEntries)) {
    states.set(entry.cardId, applyEntry(scheduler, states.get(entry.cardId), entry, observe));
  }
  return states;
}
