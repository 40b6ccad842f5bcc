import type { GuideVisits } from './schema.ts';

/**
 * The guides opened on either side, each with its earliest first visit: a
 * union, so merging is order-independent and idempotent like the log's.
 */
export function mergeVisits(existing: Readonly<GuideVisits>, incoming: Readonly<GuideVisits>): GuideVisits {
  const merged: GuideVisits = { ...existing };
  for (const [url, at] of Object.entries(incoming)) {
    const known = merged[url];
    if (known === undefined || at < known) merged[url] = at;
  }
  return merged;
}
