import type { IDBPDatabase } from 'idb';
import type { GuideVisits, MarkEntry, ReviewEntry, ReviewSettings } from '../review-log/schema.ts';
import type { ImportResult } from './import-log.ts';
import {
  answeredElsewhere,
  type AppendGuard,
  type AppendResult,
  type BatchResult,
  type LoadedProgress,
  type LogBatch,
  type ProgressStore,
} from './progress-types.ts';
import { LogUnreadableError } from './log-unreadable.ts';

export { LogUnreadableError };
export type { ImportResult };
export type {
  AppendGuard,
  AppendResult,
  BatchResult,
  LoadedProgress,
  LogBatch,
  ProgressStore,
} from './progress-types.ts';
import type { ReplaySnapshot } from '../srs/replay-cache.ts';
import { openProgressDb, type ProgressDb } from './db.ts';
import { loadVisits, readVisits } from './visits.ts';
import { storedCheck } from './stored-check.ts';
import { stampBatch } from './stamps.ts';

/**
 * Runs `work` in `tx` and waits for the commit. When it fails, the
 * transaction's own error is the cause (QuotaExceededError arrives there, while
 * each pending request only reports that it was aborted).
 */
async function committed<T>(
  tx: { done: Promise<void>; error: DOMException | null },
  work: () => Promise<T>,
): Promise<T> {
  tx.done.catch(() => {});
  try {
    const result = await work();
    await tx.done;
    return result;
  } catch (error) {
    throw tx.error ?? error;
  }
}

/** Entries read per request when loading the log: reading and validating 5,000 takes about 20 ms on a laptop. */
const LOAD_BATCH = 5_000;

export class IdbProgressStore implements ProgressStore {
  readonly persistent = true;
  readonly #db: IDBPDatabase<ProgressDb>;

  constructor(db: IDBPDatabase<ProgressDb>) {
    this.#db = db;
  }

  async load(): Promise<LoadedProgress> {
    const [settings, marks] = await Promise.all([this.loadSettings(), this.loadMarks()]);
    try {
      return { ...(await this.#loadInBatches()), unreadable: 0, unreadableCards: [], settings, marks };
    } catch {
      // One unreadable record (a large value whose file is gone) fails the whole getAll: read entry by entry.
      // Loaded on use: only a damaged database takes this path.
      const { loadEntryByEntry } = await import('./load-entry-by-entry.ts');
      const { raw, unreadableCards, unreadable } = await loadEntryByEntry(this.#db);
      return { ...(await storedCheck.entries(raw)), unreadable, unreadableCards, settings, marks };
    }
  }

  /**
   * The log in batches of LOAD_BATCH entries, each read in its own task and checked by the
   * stored-data worker while the next is read: a log of hundreds of thousands of reviews never
   * blocks the page for long.
   */
  async #loadInBatches(): Promise<{ entries: ReviewEntry[]; invalid: number }> {
    const checks: ReturnType<typeof storedCheck.entries>[] = [];
    let after: string | undefined;
    for (;;) {
      const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
      const batch = await this.#db.getAll('log', range, LOAD_BATCH);
      const checked = storedCheck.entries(batch);
      // A batch's check may settle after a later read fails; that failure is the one reported.
      checked.catch(() => {});
      checks.push(checked);
      if (batch.length < LOAD_BATCH) break;
      const last = batch.at(-1) as { id?: unknown } | undefined;
      if (typeof last?.id !== 'string') break;
      after = last.id;
    }
    const entries: ReviewEntry[] = [];
    let invalid = 0;
    for (const checked of await Promise.all(checks)) {
      for (const entry of checked.entries) entries.push(entry);
      invalid += checked.invalid;
    }
    return { entries, invalid };
  }

  async append(entry: ReviewEntry, guard?: AppendGuard): Promise<AppendResult> {
    // One readwrite transaction: IndexedDB runs them one at a time, so two tabs
    // rating the same card cannot both pass the check.
    const tx = this.#db.transaction('log', 'readwrite');
    return committed(tx, async () => {
      if (guard) {
        const existing = await tx.store.index('byCard').getAll(entry.cardId);
        if (existing.some((e) => answeredElsewhere(e, guard))) return 'already-rated';
      }
      await tx.store.add(entry);
      return 'added';
    });
  }

  async remove(id: string): Promise<void> {
    const tx = this.#db.transaction('log', 'readwrite');
    await committed(tx, () => tx.store.delete(id));
  }

  async appendBatch(batch: LogBatch, guards?: ReadonlyMap<string, AppendGuard>): Promise<BatchResult> {
    const tx = this.#db.transaction(['log', 'marks'], 'readwrite');
    return committed(tx, async () => {
      // Reads first, in the same transaction: nothing is written when a guard refuses.
      const cardIds = [...new Set(batch.entries.map((entry) => entry.cardId))];
      const byCard = tx.objectStore('log').index('byCard');
      const stored = new Map(await Promise.all(cardIds.map(async (id) => [id, await byCard.getAll(id)] as const)));
      for (const [cardId, guard] of guards ?? []) {
        if ((stored.get(cardId) ?? []).some((e) => answeredElsewhere(e, guard))) return { result: 'already-rated' };
      }
      const marks: MarkEntry[] = batch.marks.length > 0 ? await tx.objectStore('marks').getAll() : [];
      const dated = stampBatch(
        batch,
        (cardId) => stored.get(cardId) ?? [],
        (cardId) => marks.filter((mark) => mark.cardId === cardId),
      );
      await Promise.all([
        ...dated.entries.map((entry) => tx.objectStore('log').put(entry)),
        ...dated.marks.map((mark) => tx.objectStore('marks').put(mark)),
      ]);
      return { result: 'added', batch: dated };
    });
  }

  async removeBatch(batch: LogBatch): Promise<void> {
    const tx = this.#db.transaction(['log', 'marks'], 'readwrite');
    await committed(tx, () =>
      Promise.all([
        ...batch.entries.map((entry) => tx.objectStore('log').delete(entry.id)),
        ...batch.marks.map((mark) => tx.objectStore('marks').delete(mark.id)),
      ]),
    );
  }

  async saveSettings(settings: ReviewSettings): Promise<void> {
    const tx = this.#db.transaction('meta', 'readwrite');
    await committed(tx, () => tx.store.put(settings, 'settings'));
  }

  async loadSettings(): Promise<ReviewSettings> {
    return storedCheck.settings(await this.#db.get('meta', 'settings').catch(() => undefined));
  }

  async loadVisits(): Promise<ReadonlySet<string>> {
    // Not knowing what was read only changes the order new cards come in.
    return loadVisits(this.#db).catch(() => new Set<string>());
  }

  async loadVisitTimes(): Promise<GuideVisits> {
    return readVisits(await this.#db.get('meta', 'visits').catch(() => undefined));
  }

  async loadMarks(): Promise<MarkEntry[]> {
    return storedCheck.marks(await this.#db.getAll('marks').catch(() => []));
  }

  async loadSnapshot(): Promise<unknown> {
    return this.#db.get('meta', 'snapshot');
  }

  async saveSnapshot(snapshot: ReplaySnapshot): Promise<void> {
    await this.#db.put('meta', snapshot, 'snapshot');
  }

  async entriesForCard(cardId: string): Promise<ReviewEntry[]> {
    return (await storedCheck.entries(await this.#db.getAllFromIndex('log', 'byCard', cardId).catch(() => []))).entries;
  }

  async importLog(
    entries: readonly ReviewEntry[],
    mode: 'merge' | 'replace',
    settings?: ReviewSettings,
    marks: readonly MarkEntry[] = [],
    visits?: Readonly<GuideVisits>,
  ): Promise<ImportResult> {
    // Loaded on use: the review page's start-up never imports.
    const { importIntoDb } = await import('./import-log.ts');
    return importIntoDb(this.#db, entries, mode, settings, marks, visits);
  }
}

export interface OpenedStore {
  store: ProgressStore;
  /** False when IndexedDB is missing or would not open: the store is in memory. */
  persistent: boolean;
}

/** IndexedDB when it works, memory otherwise; asks the browser not to evict the data. */
export async function openProgressStore(): Promise<OpenedStore> {
  try {
    if (typeof indexedDB === 'undefined') throw new Error('no IndexedDB');
    const db = await openProgressDb();
    // `persist` is the page's (workers' StorageManager lacks it): asked only where it exists.
    const storage = navigator.storage as (StorageManager & { persist?: () => Promise<boolean> }) | undefined;
    void storage?.persist?.().catch(() => false);
    return { store: new IdbProgressStore(db), persistent: true };
  } catch {
    const { MemoryProgressStore } = await import('./memory-store.ts');
    return { store: new MemoryProgressStore(), persistent: false };
  }
}
