import { newEntryId } from '../review-log/entry-id.ts';
import { newMark } from '../review-log/new-mark.ts';
import { RESET_RATING, type ReviewEntry } from '../review-log/schema.ts';
import type { LogBatch } from '../store/progress-types.ts';
import { nextEntryAt } from '../store/stamps.ts';
import type { CardRow } from './card-rows.ts';

export const CARD_ACTIONS = ['suspend', 'unsuspend', 'reset'] as const;
export type CardAction = (typeof CARD_ACTIONS)[number];

/**
 * What an action on some cards appends to the log: only for the cards it
 * changes (suspending a suspended card adds nothing), so undo — removing
 * exactly this batch — restores exactly what was there. Retired cards are left
 * alone: they are never reviewed, and their history stays as it is. Marks are
 * dated `now` here; the store dates each after its card's latest switch.
 */
export function planCardAction(action: CardAction, rows: readonly CardRow[], now: number): LogBatch {
  const live = rows.filter((row) => row.state !== 'retired');
  if (action === 'suspend')
    return {
      entries: [],
      marks: live.filter((r) => r.state !== 'suspended').map((r) => newMark('suspend', r.id, now)),
    };
  if (action === 'unsuspend')
    return {
      entries: [],
      marks: live.filter((r) => r.state === 'suspended').map((r) => newMark('unsuspend', r.id, now)),
    };
  // A reset is a rating-0 entry, logged after the card's latest entry so it is the one that counts
  // (the store dates it again against what is stored when it writes: another tab may have rated it since).
  const entries: ReviewEntry[] = live
    .filter((row) => row.lastEntryAt > 0 && row.due !== null)
    .map((row) => ({
      id: newEntryId(),
      cardId: row.id,
      rating: RESET_RATING,
      reviewedAt: nextEntryAt([{ reviewedAt: row.lastEntryAt }], now),
      cardHash: row.hash,
    }));
  return { entries, marks: [] };
}

/** How many cards a batch changes. */
export function batchSize(batch: LogBatch): number {
  return batch.entries.length + batch.marks.length;
}
