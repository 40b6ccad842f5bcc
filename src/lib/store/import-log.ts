import type { IDBPDatabase } from 'idb';
import { mergeLogs } from '../review-log/merge.ts';
import { mergeMarks } from '../review-log/merge-marks.ts';
import { mergeVisits } from '../review-log/merge-visits.ts';
import type { GuideVisits, MarkEntry, ReviewEntry, ReviewSettings } from '../review-log/schema.ts';
import { validateStoredEntries, validateStoredMarks } from '../review-log/stored.ts';
import type { ProgressDb } from './db.ts';
import { LogUnreadableError } from './log-unreadable.ts';
import { readVisits } from './visits.ts';

export interface ImportResult {
  added: number;
  total: number;
}

/**
 * Writes an imported log, its marks and visits into IndexedDB in one transaction, all
 * or nothing: merged by id with what is stored, or replacing it. Its own module
 * (loaded by `IdbProgressStore.importLog` on use), so the merge code stays out
 * of the review page's start-up.
 */
export async function importIntoDb(
  db: IDBPDatabase<ProgressDb>,
  entries: readonly ReviewEntry[],
  mode: 'merge' | 'replace',
  settings: ReviewSettings | undefined,
  marks: readonly MarkEntry[],
  visits: Readonly<GuideVisits> = {},
): Promise<ImportResult> {
  const tx = db.transaction(['log', 'meta', 'marks'], 'readwrite');
  // On failure the transaction aborts and `done` rejects; the error is rethrown below.
  tx.done.catch(() => {});
  const log = tx.objectStore('log');
  try {
    const current =
      mode === 'replace'
        ? []
        : validateStoredEntries(
            await log.getAll().catch((error: unknown) => {
              throw new LogUnreadableError(error);
            }),
          ).entries;
    const plan = mergeLogs(current, entries);
    const known = new Map(current.map((entry) => [entry.id, entry]));
    const writes: Promise<unknown>[] = [];
    // Every request rejects when the transaction aborts; Promise.all reports the first, the rest are expected.
    const track = (request: Promise<unknown>) => {
      request.catch(() => {});
      writes.push(request);
    };
    const markStore = tx.objectStore('marks');
    const storedMarks = mode === 'replace' ? [] : validateStoredMarks(await markStore.getAll());
    if (mode === 'replace') {
      track(log.clear());
      track(markStore.clear());
      if (settings) track(tx.objectStore('meta').put(settings, 'settings'));
    }
    for (const mark of mergeMarks(storedMarks, marks).merged) track(markStore.put(mark));
    // The guides opened travel too, so new cards keep following reading after an import.
    const meta = tx.objectStore('meta');
    const storedVisits = mode === 'replace' ? {} : readVisits(await meta.get('visits'));
    track(meta.put(mergeVisits(storedVisits, visits), 'visits'));
    // Added entries and the winners of id conflicts; untouched entries are not rewritten.
    for (const entry of plan.merged) if (known.get(entry.id) !== entry) track(log.put(entry));
    await Promise.all(writes);
    const total = await log.count();
    await tx.done;
    return { added: plan.added.length, total };
  } catch (error) {
    // Any failure (quota, a bad record) rolls the whole import back.
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
    throw error instanceof LogUnreadableError ? error : (tx.error ?? error);
  }
}
