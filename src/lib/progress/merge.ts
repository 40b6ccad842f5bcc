import type { ReviewEntry } from './schema.ts';

/** Stable text of an entry, so two entries with one id but different content are ordered the same way everywhere. */
function canonical(entry: ReviewEntry): string {
  return `${entry.cardId}\u0000${entry.rating}\u0000${entry.reviewedAt}\u0000${entry.cardHash}`;
}

export interface MergePlan {
  /** The union of both logs by entry id. */
  merged: ReviewEntry[];
  /** Entries of `incoming` whose id is not in `existing`. */
  added: ReviewEntry[];
  /** Entries already present with the same content. */
  unchanged: number;
  /** Entries present under the same id with different content (the smaller canonical form wins). */
  conflicts: number;
}

/**
 * Merges two logs by entry id. The result does not depend on which log is
 * "existing" (order-independent) and merging the same log twice adds nothing
 * (idempotent): ids are random per review, and in the unlikely case of one id with
 * two contents the same deterministic choice is made on every device.
 */
export function mergeLogs(existing: readonly ReviewEntry[], incoming: readonly ReviewEntry[]): MergePlan {
  const byId = new Map<string, ReviewEntry>();
  for (const entry of existing) keepSmaller(byId, entry);
  const added: ReviewEntry[] = [];
  let unchanged = 0;
  let conflicts = 0;
  const seen = new Set<string>();
  for (const entry of incoming) {
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    const current = byId.get(entry.id);
    if (!current) {
      added.push(entry);
      byId.set(entry.id, entry);
    } else if (canonical(current) === canonical(entry)) {
      unchanged++;
    } else {
      conflicts++;
      keepSmaller(byId, entry);
    }
  }
  return { merged: [...byId.values()], added, unchanged, conflicts };
}

function keepSmaller(byId: Map<string, ReviewEntry>, entry: ReviewEntry): void {
  const current = byId.get(entry.id);
  if (!current || canonical(entry) < canonical(current)) byId.set(entry.id, entry);
}
