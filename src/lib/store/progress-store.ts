import type { IDBPDatabase } from 'idb';
import { validateStoredEntries, validateStoredMarks } from '../progress/stored-entries.ts';
import { LogUnreadableError, type ImportResult } from './log-errors.ts';

export { LogUnreadableError };
import {
  DEFAULT_SETTINGS,
  settingsSchema,
  type MarkEntry,
  type ReviewEntry,
  type ReviewSettings,
} from '../progress/schema.ts';
import type { ReplaySnapshot } from '../srs/replay-cache.ts';
import { openProgressDb, type ProgressDb } from './db.ts';
import { loadVisits } from './visits.ts';

export interface LoadedProgress {
  entries: ReviewEntry[];
  /** Stored entries that failed validation; they are left in place but ignored. */
  invalid: number;
  /** Stored entries the browser could not read back (their ids are known, their content is not). */
  unreadable: number;
  /** The cards those unreadable entries belong to: their history is incomplete. */
  unreadableCards: string[];
  settings: ReviewSettings;
  /** Suspensions and burials (invalid stored ones are ignored). */
  marks: MarkEntry[];
}

/**
 * Entries and marks written together, all or nothing: a bulk suspend or reset
 * from the card browser. Undo removes exactly this batch again.
 */
export interface LogBatch {
  entries: readonly ReviewEntry[];
  marks: readonly MarkEntry[];
}

/** Refuses an append: the card was already rated (in another tab) after this tab showed it. */
export interface AppendGuard {
  notRatedSince: number;
  /**
   * The card's entries this tab already knew when it showed the card: they are
   * not "another tab's answer", whatever their time (an entry dated ahead by
   * another device's clock must not refuse every rating of its card).
   */
  knownIds?: ReadonlySet<string>;
}

/** Whether `entry`, already stored, means the card was answered elsewhere since it was shown. */
export function answeredElsewhere(entry: ReviewEntry, guard: AppendGuard): boolean {
  return entry.reviewedAt >= guard.notRatedSince && !(guard.knownIds?.has(entry.id) ?? false);
}

export type AppendResult = 'added' | 'already-rated';

export type { ImportResult };

/**
 * Where progress lives. IndexedDB normally; memory when IndexedDB is missing
 * (private mode) or full, so a session still works and only persistence is lost.
 */
export interface ProgressStore {
  readonly persistent: boolean;
  load(): Promise<LoadedProgress>;
  append(entry: ReviewEntry, guard?: AppendGuard): Promise<AppendResult>;
  remove(id: string): Promise<void>;
  appendBatch(batch: LogBatch): Promise<void>;
  /** Removes the entries and marks of a batch by id (the undo of `appendBatch`). */
  removeBatch(batch: LogBatch): Promise<void>;
  saveSettings(settings: ReviewSettings): Promise<void>;
  /** The settings alone, without reading the log (a guide grading one card). */
  loadSettings(): Promise<ReviewSettings>;
  /** The guides the reader has opened (page URLs), for new cards that follow reading. */
  loadVisits(): Promise<ReadonlySet<string>>;
  /** Merge by id (default) or replace everything, all or nothing. */
  importLog(
    entries: readonly ReviewEntry[],
    mode: 'merge' | 'replace',
    settings?: ReviewSettings,
    marks?: readonly MarkEntry[],
  ): Promise<ImportResult>;
  entriesForCard(cardId: string): Promise<ReviewEntry[]>;
  /** The cached replay (unvalidated: the caller checks it against the log). */
  loadSnapshot(): Promise<unknown>;
  saveSnapshot(snapshot: ReplaySnapshot): Promise<void>;
}

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

/**
 * The merge rules, for imports and the in-memory fallback: loaded on demand,
 * so /review/'s start-up does not carry them (an import loads its own code too).
 */
const mergeRules = () => Promise.all([import('../progress/merge.ts'), import('../progress/merge-marks.ts')]);

/** Entries read per request when loading the log: reading and validating 5,000 takes about 20 ms on a laptop. */
const LOAD_BATCH = 5_000;

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
    const settings = readSettings(await this.#db.get('meta', 'settings').catch(() => undefined));
    const marks = validateStoredMarks(await this.#db.getAll('marks').catch(() => []));
    try {
      return { ...(await this.#loadInBatches()), unreadable: 0, unreadableCards: [], settings, marks };
    } catch {
      // One unreadable record (a large value whose file is gone) fails the whole getAll: read entry by entry.
      // A rare recovery path: its code loads only when it is needed.
      const { loadEntryByEntry } = await import('./load-entry-by-entry.ts');
      const { raw, unreadableCards, unreadable } = await loadEntryByEntry(this.#db);
      return { ...validateStoredEntries(raw), unreadable, unreadableCards, settings, marks };
    }
  }

  /**
   * The log in batches of LOAD_BATCH entries, each read and validated in its own
   * task: a log of hundreds of thousands of reviews never blocks the page for long.
   */
  async #loadInBatches(): Promise<{ entries: ReviewEntry[]; invalid: number }> {
    const entries: ReviewEntry[] = [];
    let invalid = 0;
    let after: string | undefined;
    for (;;) {
      const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
      const batch = await this.#db.getAll('log', range, LOAD_BATCH);
      const checked = validateStoredEntries(batch);
      for (const entry of checked.entries) entries.push(entry);
      invalid += checked.invalid;
      if (batch.length < LOAD_BATCH) return { entries, invalid };
      const last = batch.at(-1) as { id?: unknown } | undefined;
      if (typeof last?.id !== 'string') return { entries, invalid };
      after = last.id;
    }
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

  async appendBatch(batch: LogBatch): Promise<void> {
    const tx = this.#db.transaction(['log', 'marks'], 'readwrite');
    await committed(tx, () =>
      Promise.all([
        ...batch.entries.map((entry) => tx.objectStore('log').put(entry)),
        ...batch.marks.map((mark) => tx.objectStore('marks').put(mark)),
      ]),
    );
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
    return readSettings(await this.#db.get('meta', 'settings').catch(() => undefined));
  }

  async loadVisits(): Promise<ReadonlySet<string>> {
    // Not knowing what was read only changes the order new cards come in.
    return loadVisits(this.#db).catch(() => new Set<string>());
  }

  async loadSnapshot(): Promise<unknown> {
    return this.#db.get('meta', 'snapshot');
  }

  async saveSnapshot(snapshot: ReplaySnapshot): Promise<void> {
    await this.#db.put('meta', snapshot, 'snapshot');
  }

  async entriesForCard(cardId: string): Promise<ReviewEntry[]> {
    return validateStoredEntries(await this.#db.getAllFromIndex('log', 'byCard', cardId).catch(() => [])).entries;
  }

  async importLog(
    entries: readonly ReviewEntry[],
    mode: 'merge' | 'replace',
    settings?: ReviewSettings,
    marks: readonly MarkEntry[] = [],
  ): Promise<ImportResult> {
    // Only an import needs this code (its own UI loads when idle): it loads on demand.
    const { importIntoDb } = await import('./import-into-db.ts');
    return importIntoDb(this.#db, entries, mode, settings, marks);
  }
}

/** Keeps progress for this page only. */
export class MemoryProgressStore implements ProgressStore {
  readonly persistent = false;
  readonly #log = new Map<string, ReviewEntry>();
  #marks: MarkEntry[] = [];
  #settings: ReviewSettings;

  constructor(entries: readonly ReviewEntry[] = [], settings: ReviewSettings = { ...DEFAULT_SETTINGS }) {
    for (const entry of entries) this.#log.set(entry.id, entry);
    this.#settings = settings;
  }

  async load(): Promise<LoadedProgress> {
    return {
      entries: [...this.#log.values()],
      invalid: 0,
      unreadable: 0,
      unreadableCards: [],
      settings: this.#settings,
      marks: [...this.#marks],
    };
  }

  async append(entry: ReviewEntry, guard?: AppendGuard): Promise<AppendResult> {
    if (guard && [...this.#log.values()].some((e) => e.cardId === entry.cardId && answeredElsewhere(e, guard))) {
      return 'already-rated';
    }
    this.#log.set(entry.id, entry);
    return 'added';
  }

  async remove(id: string): Promise<void> {
    this.#log.delete(id);
  }

  async appendBatch(batch: LogBatch): Promise<void> {
    const [, { mergeMarks }] = await mergeRules();
    for (const entry of batch.entries) this.#log.set(entry.id, entry);
    this.#marks = mergeMarks(this.#marks, batch.marks).merged;
  }

  async removeBatch(batch: LogBatch): Promise<void> {
    for (const entry of batch.entries) this.#log.delete(entry.id);
    const gone = new Set(batch.marks.map((mark) => mark.id));
    this.#marks = this.#marks.filter((mark) => !gone.has(mark.id));
  }

  async saveSettings(settings: ReviewSettings): Promise<void> {
    this.#settings = settings;
  }

  async loadSettings(): Promise<ReviewSettings> {
    return this.#settings;
  }

  async loadVisits(): Promise<ReadonlySet<string>> {
    return new Set();
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
    marks: readonly MarkEntry[] = [],
  ): Promise<ImportResult> {
    const [{ mergeLogs }, { mergeMarks }] = await mergeRules();
    const plan = mergeLogs(mode === 'replace' ? [] : [...this.#log.values()], entries);
    this.#marks = mergeMarks(mode === 'replace' ? [] : this.#marks, marks).merged;
    this.#log.clear();
    for (const entry of plan.merged) this.#log.set(entry.id, entry);
    if (mode === 'replace' && settings) this.#settings = settings;
    return { added: plan.added.length, total: this.#log.size };
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
    void navigator.storage?.persist?.().catch(() => false);
    return { store: new IdbProgressStore(db), persistent: true };
  } catch {
    return { store: new MemoryProgressStore(), persistent: false };
  }
}
