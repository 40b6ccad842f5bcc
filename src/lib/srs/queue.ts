import { studyDayStart, startOfStudyDay } from './day.ts';
import type { ReplayedCard } from './replay.ts';
import { State } from './scheduler.ts';

/** Learning cards due this soon are shown rather than making the user wait, as Anki's "learn ahead". */
export const LEARN_AHEAD_MS = 20 * 60_000;

export type QueueKind = 'new' | 'learning' | 'review';

export interface QueueItem {
  cardId: string;
  kind: QueueKind;
  /** Epoch ms; new cards are due now. */
  due: number;
}

/** Today's remaining work, each list in the order it will be shown. */
export interface StudyQueue {
  learning: QueueItem[];
  review: QueueItem[];
  fresh: QueueItem[];
  /** Learning cards due later today, beyond the learn-ahead window. */
  laterToday: number;
  /** New cards held back because their guide is unread ("only cards from guides I have read"). */
  waitingUnread: number;
}

/** New cards follow reading: those of guides the reader opened come first. */
export interface ReadingFirst {
  /** The guide (page URL) each card belongs to. */
  pageOf: (cardId: string) => string;
  /** Guides the reader has opened. Until there is one, every card counts as read, so /review/ works on its own. */
  visited: ReadonlySet<string>;
  /** Leave out new cards of unread guides altogether (else they follow the read ones). */
  onlyRead: boolean;
}

export interface QueueInput {
  /** Card ids in the deck (after filtering), in deck order: new cards are introduced in that order. */
  cardIds: readonly string[];
  states: ReadonlyMap<string, ReplayedCard>;
  now: number;
  newPerDay: number;
  reading?: ReadingFirst;
  /** Suspended and buried cards (see `cardHolds`): left out of every list, and of the new-card count. */
  held?: ReadonlySet<string>;
}

/** Cards first rated (since their last reset) during the study day containing `now`, across the whole log. */
export function countIntroducedToday(states: ReadonlyMap<string, ReplayedCard>, now: number): number {
  const start = startOfStudyDay(now);
  const end = studyDayStart(now, 1);
  let count = 0;
  for (const state of states.values()) {
    if (state.introducedAt !== null && state.introducedAt >= start && state.introducedAt < end) count++;
  }
  return count;
}

/**
 * Builds today's queue: learning and review cards due before the next 4 AM
 * rollover, then new cards in deck order up to what is left of the daily limit,
 * those of guides the reader has opened first (see `ReadingFirst`).
 * A learning card due within the learn-ahead window stays even when that is past
 * the rollover: a step answered at 03:57 comes back at 04:07 in the same session.
 * Held (suspended or buried) cards are skipped.
 */
export function buildQueue({ cardIds, states, now, newPerDay, reading, held }: QueueInput): StudyQueue {
  const dayEnd = studyDayStart(now, 1);
  const learning: QueueItem[] = [];
  const review: QueueItem[] = [];
  const fresh: string[] = [];
  const unread: string[] = [];
  const isRead = (cardId: string) =>
    !reading || reading.visited.size === 0 || reading.visited.has(reading.pageOf(cardId));
  for (const cardId of cardIds) {
    if (held?.has(cardId)) continue;
    const state = states.get(cardId);
    if (!state || state.card.state === State.New) {
      (isRead(cardId) ? fresh : unread).push(cardId);
      continue;
    }
    const due = state.card.due.getTime();
    if (state.card.state === State.Review) {
      if (due < dayEnd) review.push({ cardId, kind: 'review', due });
    } else if (due < Math.max(dayEnd, now + LEARN_AHEAD_MS)) learning.push({ cardId, kind: 'learning', due });
  }
  const byDue = (a: QueueItem, b: QueueItem) => a.due - b.due || (a.cardId < b.cardId ? -1 : 1);
  learning.sort(byDue);
  review.sort(byDue);
  const laterToday = learning.filter((item) => item.due > now + LEARN_AHEAD_MS).length;
  // Deck order is reading order, so each list is already in the order the guides are read.
  const offered = reading?.onlyRead ? fresh : [...fresh, ...unread];
  const newLeft = Math.max(0, newPerDay - countIntroducedToday(states, now));
  return {
    learning,
    review,
    fresh: offered.slice(0, newLeft).map((cardId) => ({ cardId, kind: 'new', due: now })),
    laterToday,
    waitingUnread: reading?.onlyRead ? unread.length : 0,
  };
}

/**
 * The card to show next: a learning card already due, else a due review, else a
 * new card, else a learning card due within the learn-ahead window.
 */
export function pickNext(queue: StudyQueue, now: number): QueueItem | null {
  const firstLearning = queue.learning[0];
  if (firstLearning && firstLearning.due <= now) return firstLearning;
  const next = queue.review[0] ?? queue.fresh[0];
  if (next) return next;
  if (firstLearning && firstLearning.due <= now + LEARN_AHEAD_MS) return firstLearning;
  return null;
}

/** Counts shown above the card. */
export function queueCounts(queue: StudyQueue): { fresh: number; learning: number; review: number } {
  return { fresh: queue.fresh.length, learning: queue.learning.length, review: queue.review.length };
}
