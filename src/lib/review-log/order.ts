import type { ReviewEntry } from './schema.ts';

/** Log order: by time, ties broken by id, so every device replays the same sequence. */
export function compareEntries(a: ReviewEntry, b: ReviewEntry): number {
  return a.reviewedAt - b.reviewedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
