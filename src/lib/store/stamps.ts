import type { LogBatch } from './progress-types.ts';
import type { MarkEntry, MarkKind, ReviewEntry } from '../review-log/schema.ts';

/*
 * The two timestamp rules of the write path, each written once. Both are applied by the store
 * inside the write's transaction, against what is stored then, so a change made a moment ago in
 * another tab (or dated a little ahead by another device's clock) is never written over.
 */

/**
 * A new entry for a card is dated `at`, but never at or before the card's last entry: the log's
 * time order is then the order things happened here, even after the clock went back.
 */
export function nextEntryAt(cardEntries: Iterable<{ reviewedAt: unknown }>, at: number): number {
  let next = at;
  for (const entry of cardEntries)
    if (typeof entry.reviewedAt === 'number' && entry.reviewedAt >= next) next = entry.reviewedAt + 1;
  return next;
}

/**
 * A new suspend or unsuspend for a card is dated `at`, but never at or before the card's latest
 * one: a suspension dated within the clock-skew tolerance ahead can still be undone by an
 * unsuspend made now (the latest switch wins, ties by random id). A burial keeps `at`: any
 * burial of the day holds the card, so their order never matters, and one dated ahead would not
 * hold it until then.
 */
export function nextMarkAt(kind: MarkKind, cardMarks: Iterable<{ kind: unknown; at: unknown }>, at: number): number {
  if (kind === 'bury') return at;
  let next = at;
  for (const mark of cardMarks)
    if (mark.kind !== 'bury' && typeof mark.at === 'number' && mark.at >= next) next = mark.at + 1;
  return next;
}

/**
 * `batch` dated by both rules against what is stored (`entriesOf`, `marksOf` per card); two
 * changes to one card in a batch are dated in their order.
 */
export function stampBatch(
  batch: LogBatch,
  entriesOf: (cardId: string) => readonly { reviewedAt: unknown }[],
  marksOf: (cardId: string) => readonly { kind: unknown; at: unknown }[],
): LogBatch {
  const lastEntry = new Map<string, number>();
  const entries: ReviewEntry[] = batch.entries.map((entry) => {
    const after = lastEntry.get(entry.cardId);
    const stored = entriesOf(entry.cardId);
    const reviewedAt = nextEntryAt(after === undefined ? stored : [...stored, { reviewedAt: after }], entry.reviewedAt);
    lastEntry.set(entry.cardId, reviewedAt);
    return reviewedAt === entry.reviewedAt ? entry : { ...entry, reviewedAt };
  });
  const lastMark = new Map<string, number>();
  const marks: MarkEntry[] = batch.marks.map((mark) => {
    const after = lastMark.get(mark.cardId);
    const stored = marksOf(mark.cardId);
    const at = nextMarkAt(
      mark.kind,
      after === undefined ? stored : [...stored, { kind: 'switch', at: after }],
      mark.at,
    );
    if (mark.kind !== 'bury') lastMark.set(mark.cardId, at);
    return at === mark.at ? mark : { ...mark, at };
  });
  return { entries, marks };
}
