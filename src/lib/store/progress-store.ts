import type { IDBPDatabase } from 'idb';
import { validateStoredEntries } from '../progress/file.ts';
import { DEFAULT_SETTINGS, settingsSchema, type ReviewEntry, type ReviewSettings } from '../progress/schema.ts';
import { mergeLogs } from '../progress/merge.ts';
import type { ReplaySnapshot } from '../srs/replay-cache.ts';
import { openProgressDb, type ProgressDb } from './db.ts';

export interface LoadedProgress {
  entries: ReviewEntry[];
  /** Stored entries that failed validation; they are left in place but ignored. */
  invalid: number;
  settings: ReviewSettings;
}

/** Refuses an append: the card was already rated (in another tab) after this tab showed it. */
export interface AppendGuard {
  notRatedSince: number;
}

export type AppendResult = 'added' | 'already-rated';

export interface ImportResult {
  added: number;
  total: number;
}

/**
 * Where progress lives. IndexedDB normally; memory when IndexedDB is missing
 * (private mode) or full, so a session still works and only persistence is lost.
 */
export interface ProgressStore {
  readonly persistent: boolean;
  load(): Promise<LoadedProgress>;
  append(entry: ReviewEntry, guard?: AppendGuard): Promise<AppendResult>;
  remove(id: string): Promise<void>;
  saveSettings(settings: ReviewSettings): Promise<void>;
  /** Merge by id (default) or replace everything, all or nothing. */
  importLog(
    entries: readonly ReviewEntry[],
    mode: 'merge' | 'replace',
    settings?: ReviewSettings,
  ): Promise<ImportResult>;
  entriesForCard(cardId: string): Promise<ReviewEntry[]>;
  /** The cached replay (unvalidated: the caller checks it against the log). */
  loadSnapshot(): Promise<unknown>;
  saveSnapshot(snapshot: ReplaySnapshot): Promise<void>;
}

function readSettings(raw: unknown): ReviewSettings {
  const parsed = settingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
}

export class IdbProgressStore implements ProgressStore {
  readonly persistent = true;
  readonly #db: IDBPDatabase<ProgressDb>;

  constructor(db: IDBPDatabase<ProgressDb>) {
    this.#db = db;
  }

  async load(): Promise<LoadedProgress> {
    const tx = this.#db.transaction(['log', 'meta'], 'readonly');
    const [raw, settings] = await Promise.all([tx.objectStore('log').getAll(), tx.objectStore('meta').get('settings')]);
    await tx.done;
    return { ...validateStoredEntries(raw), settings: readSettings(settings) };
  }

  async append(entry: ReviewEntry, guard?: AppendGuard): Promise<AppendResult> {
    // One readwrite transaction: IndexedDB runs them one at a time, so two tabs
    // rating the same card cannot both pass the check.
    const tx = this.#db.transaction('log', 'readwrite');
    if (guard) {
      const existing = await tx.store.index('byCard').getAll(entry.cardId);
      if (existing.some((e) => e.reviewedAt >= guard.notRatedSince)) {
        await tx.done;
        return 'already-rated';
      }
    }
    await tx.store.add(entry);
    await tx.done;
    return 'added';
  }

  async remove(id: string): Promise<void> {
    await this.#db.delete('log', id);
  }

  async saveSettings(settings: ReviewSettings): Promise<void> {
    await this.#db.put('meta', settings, 'settings');
  }

  async loadSnapshot(): Promise<unknown> {
    return this.#db.get('meta', 'snapshot');
  }

  async saveSnapshot(snapshot: ReplaySnapshot): Promise<void> {
    await this.#db.put('meta', snapshot, 'snapshot');
  }

  async entriesForCard(cardId: string): Promise<ReviewEntry[]> {
    return validateStoredEntries(await this.#db.getAllFromIndex('log', 'byCard', cardId)).entries;
  }

  async importLog(
    entries: readonly ReviewEntry[],
    mode: 'merge' | 'replace',
    settings?: ReviewSettings,
  ): Promise<ImportResult> {
    const tx = this.#db.transaction(['log', 'meta'], 'readwrite');
    // On failure the transaction aborts and `done` rejects; the error is rethrown below.
    tx.done.catch(() => {});
    const log = tx.objectStore('log');
    try {
      const current = mode === 'replace' ? [] : validateStoredEntries(await log.getAll()).entries;
      const plan = mergeLogs(current, entries);
      const known = new Map(current.map((entry) => [entry.id, entry]));
      const writes: Promise<unknown>[] = [];
      // Every request rejects when the transaction aborts; Promise.all reports the first, the rest are expected.
      const track = (request: Promise<unknown>) => {
        request.catch(() => {});
        writes.push(request);
      };
      if (mode === 'replace') {
        track(log.clear());
        if (settings) track(tx.objectStore('meta').put(settings, 'settings'));
      }
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
      throw error;
    }
  }
}

/** Keeps progress for this page only. */
export class MemoryProgressStore implements ProgressStore {
  readonly persistent = false;
  readonly #log = new Map<string, ReviewEntry>();
  #settings: ReviewSettings;

  constructor(entries: readonly ReviewEntry[] = [], settings: ReviewSettings = { ...DEFAULT_SETTINGS }) {
    for (const entry of entries) this.#log.set(entry.id, entry);
    this.#settings = settings;
  }

  async load(): Promise<LoadedProgress> {
    return { entries: [...this.#log.values()], invalid: 0, settings: this.#settings };
  }

  async append(entry: ReviewEntry, guard?: AppendGuard): Promise<AppendResult> {
    if (
      guard &&
      [...this.#log.values()].some((e) => e.cardId === entry.cardId && e.reviewedAt >= guard.notRatedSince)
    ) {
      return 'already-rated';
    }
    this.#log.set(entry.id, entry);
    return 'added';
  }

  async remove(id: string): Promise<void> {
    this.#log.delete(id);
  }

  async saveSettings(settings: ReviewSettings): Promise<void> {
    this.#settings = settings;
  }

  async loadSnapshot(): Promise<unknown> {
    return undefined;
  }

  async saveSnapshot(): Promise<void> {
    // Nothing survives the tab anyway.
  }

  async entriesForCard(cardId: string): Promise<ReviewEntry[]> {
    return [...this.#log.values()].filter((e) => e.cardId === cardId);
  }

  async importLog(
    entries: readonly ReviewEntry[],
    mode: 'merge' | 'replace',
    settings?: ReviewSettings,
  ): Promise<ImportResult> {
    const plan = mergeLogs(mode === 'replace' ? [] : [...this.#log.values()], entries);
    this.#log.clear();
    for (const entry of plan.merged) this.#log.set(entry.id, entry);
    if (mode === 'replace' && settings) this.#settings = settings;
    return { added: plan.added.length, total: this.#log.size };
  }
}

export interface OpenedStore {
  store: ProgressStore;
  /** Why progress cannot be kept, when the store is in memory. */
  problem: string | null;
}

/** IndexedDB when it works, memory otherwise; asks the browser not to evict the data. */
export async function openProgressStore(): Promise<OpenedStore> {
  try {
    if (typeof indexedDB === 'undefined') throw new Error('no IndexedDB');
    const db = await openProgressDb();
    void navigator.storage?.persist?.().catch(() => false);
    return { store: new IdbProgressStore(db), problem: null };
  } catch {
    return {
      store: new MemoryProgressStore(),
      problem:
        'This browser is not letting the site store data (private browsing, or storage is blocked or full). You can review, but progress will be lost when you close this tab. Export progress before leaving.',
    };
  }
}
