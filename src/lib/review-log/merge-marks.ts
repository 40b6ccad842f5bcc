import { compareCodeUnits } from '../compare.ts';
import type { MarkEntry } from './schema.ts';

/** The rule for two marks sharing an id but not their content: a total order on content, as `compareCopies`. */
export function compareMarkCopies(a: MarkEntry, b: MarkEntry): number {
  return a.at - b.at || compareCodeUnits(a.kind, b.kind) || compareCodeUnits(a.cardId, b.cardId);
}

export interface MarkMerge {
  /** The union of both lists by id, each id resolved by `compareMarkCopies`. */
  merged: MarkEntry[];
  /** Marks whose id is not in `existing`. */
  added: MarkEntry[];
}

/**
 * Merges two lists of marks by id. Like `mergeLogs` it is a pure function of
 * the set of marks: order-independent and idempotent. A card's suspension is
 * then read from the merged set (`cardHolds`), never from the order of writes.
 */
export function mergeMarks(existing: readonly MarkEntry[], incoming: readonly MarkEntry[]): MarkMerge {
  const byId = new Map<string, MarkEntry>();
  const pick = (mark: MarkEntry) => {
    const current = byId.get(mark.id);
    if (!current || compareMarkCopies(mark, current) < 0) byId.set(mark.id, mark);
  };
  existing.forEach(pick);
  const stored = new Set(byId.keys());
  incoming.forEach(pick);
  const merged = [...byId.values()];
  return { merged, added: merged.filter((mark) => !stored.has(mark.id)) };
}
