import { compareCodeUnits } from '../compare.ts';
import type { ReviewEntry } from './schema.ts';

/**
 * The rule for two entries that share an id but not their content: the earlier
 * review wins, then the lower rating, then card id and card hash by code unit.
 * A total order on content, so the winner depends only on the set of copies,
 * never on which log or which position in a file it came from.
 */
export function compareCopies(a: ReviewEntry, b: ReviewEntry): number {
  return (
    a.reviewedAt - b.reviewedAt ||
    a.rating - b.rating ||
    compareCodeUnits(a.cardId, b.cardId) ||
    compareCodeUnits(a.cardHash, b.cardHash) ||
    compareCodeUnits(a.source ?? '', b.source ?? '')
  );
}

/** The rule of `compareCopies` in words, for the import preview. */
export const CONFLICT_RULE = 'of two copies, the earlier review wins, then the lower rating';

export interface MergePlan {
  /** The union of both logs by entry id, each id resolved by `compareCopies`. */
  merged: ReviewEntry[];
  /** Entries whose id is not in `existing` (the winning copy when the file repeats an id). */
  added: ReviewEntry[];
  /** Ids in both logs with the same content everywhere. */
  unchanged: number;
  /** Ids in both logs whose content differs: how many, and whose copy the rule kept. */
  conflicts: number;
  keptStored: number;
  keptIncoming: number;
}

function sameContent(a: ReviewEntry, b: ReviewEntry): boolean {
  return compareCopies(a, b) === 0;
}

/** The winning copy of each id, and the ids whose copies differ among themselves. */
function winners(entries: readonly ReviewEntry[]): { byId: Map<string, ReviewEntry>; mixed: Set<string> } {
  const byId = new Map<string, ReviewEntry>();
  const mixed = new Set<string>();
  for (const entry of entries) {
    const current = byId.get(entry.id);
    if (!current) byId.set(entry.id, entry);
    else if (!sameContent(entry, current)) {
      mixed.add(entry.id);
      if (compareCopies(entry, current) < 0) byId.set(entry.id, entry);
    }
  }
  return { byId, mixed };
}

/**
 * Merges two logs by entry id: a pure function of the set of entries, so
 * merging is order-independent (either log first, any order inside each) and
 * idempotent (merging the result again changes nothing). Ids are random per
 * review, so a conflict means a log was edited or damaged; it is reported.
 */
export function mergeLogs(existing: readonly ReviewEntry[], incoming: readonly ReviewEntry[]): MergePlan {
  const stored = winners(existing).byId;
  const { byId: fromFile, mixed } = winners(incoming);
  const merged = new Map(stored);
  const added: ReviewEntry[] = [];
  let unchanged = 0;
  let keptStored = 0;
  let keptIncoming = 0;
  for (const [id, entry] of fromFile) {
    const current = stored.get(id);
    if (!current) {
      added.push(entry);
      merged.set(id, entry);
      continue;
    }
    if (!mixed.has(id) && sameContent(entry, current)) {
      unchanged++;
    } else if (compareCopies(entry, current) < 0) {
      keptIncoming++;
      merged.set(id, entry);
    } else {
      keptStored++;
    }
  }
  return {
    merged: [...merged.values()],
    added,
    unchanged,
    conflicts: keptStored + keptIncoming,
    keptStored,
    keptIncoming,
  };
}

/** What the import preview says about a merge: counts only, so a worker can send it cheaply. */
export interface MergeSummary {
  added: number;
  /** Cards the added entries belong to. */
  addedCards: number;
  unchanged: number;
  conflicts: number;
  keptStored: number;
  keptIncoming: number;
}

export function summarizeMerge(plan: MergePlan): MergeSummary {
  const { unchanged, conflicts, keptStored, keptIncoming } = plan;
  const addedCards = new Set(plan.added.map((entry) => entry.cardId)).size;
  return { added: plan.added.length, addedCards, unchanged, conflicts, keptStored, keptIncoming };
}
