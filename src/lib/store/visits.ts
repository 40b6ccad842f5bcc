import type { IDBPDatabase } from 'idb';
import type { GuideVisits, ProgressDb } from './db.ts';

export type { GuideVisits };

// The guides the reader has opened, so new cards follow reading. One small record in the `meta`
// store: no database upgrade, and every tab's write is a read-modify-write in one transaction.

/** Keeps the well-formed pairs of a stored record (anything else reads as "no visits"). */
export function readVisits(raw: unknown): GuideVisits {
  const visits: GuideVisits = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return visits;
  for (const [url, at] of Object.entries(raw)) {
    if (url.startsWith('/') && Number.isSafeInteger(at) && (at as number) > 0) visits[url] = at as number;
  }
  return visits;
}

/** Records that the reader opened `pageUrl` (site-relative, no base); the first visit's time is kept. */
export async function recordVisit(db: IDBPDatabase<ProgressDb>, pageUrl: string, at: number): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  const visits = readVisits(await tx.store.get('visits'));
  if (visits[pageUrl] === undefined) await tx.store.put({ ...visits, [pageUrl]: at }, 'visits');
  await tx.done;
}

/** The guides opened so far. */
export async function loadVisits(db: IDBPDatabase<ProgressDb>): Promise<Set<string>> {
  return new Set(Object.keys(readVisits(await db.get('meta', 'visits'))));
}
