import type { MarkEntry, ReviewEntry, ReviewSettings } from '../review-log/schema.ts';
import type { ReplaySnapshot } from '../srs/replay-cache.ts';
import type { ImportResult } from './import-log.ts';
import { openProgressStore } from './progress-store.ts';
import type { AppendGuard, LogBatch, ProgressStore } from './progress-types.ts';
import { StorageHealth } from './storage-status.ts';
import type { SyncMessage } from './sync.ts';

/**
 * The one write path of the review log, its marks and the settings. Every writer (the review
 * session, the guide's grader, the holds, the card browser, the import) writes through a
 * `ProgressLog`, which
 * - writes a change as one batch in one transaction, all or nothing, dated by the two rules of
 *   `stamps.ts` against what is stored at that moment;
 * - reports every outcome to one `StorageHealth` (the page's storage status);
 * - when IndexedDB fails, carries on in memory (seeded with what this tab knows) and says so:
 *   each write answers `saved`, true only when it reached IndexedDB, so nothing says "saved"
 *   when it is not;
 * - tells other tabs what changed.
 */

/** What a write did: `saved` only when it reached persistent storage. */
export interface WriteOutcome {
  saved: boolean;
}

export type AppendOutcome =
  { result: 'added'; saved: boolean; entries: ReviewEntry[] } | { result: 'already-rated'; saved: boolean };

export type BatchOutcome = { saved: boolean; batch: LogBatch };

/** What a memory store starts from when storage fails: what the writer knows of the log. */
export interface KnownProgress {
  entries: readonly ReviewEntry[];
  settings: ReviewSettings;
  marks: readonly MarkEntry[];
}

export interface ProgressLogOptions {
  store: ProgressStore;
  health?: StorageHealth;
  broadcast?: (message: SyncMessage) => void;
  /** Defaults to what the failed store can still read (nothing, when even that fails). */
  known?: () => KnownProgress | Promise<KnownProgress>;
}

export class ProgressLog {
  /** What happened to the last write: the page's storage status reads it. */
  readonly health: StorageHealth;
  #store: ProgressStore;
  readonly #broadcast: (message: SyncMessage) => void;
  readonly #known: (failed: ProgressStore) => Promise<KnownProgress>;

  constructor(options: ProgressLogOptions) {
    this.#store = options.store;
    this.health = options.health ?? new StorageHealth();
    this.#broadcast = options.broadcast ?? (() => {});
    const known = options.known;
    this.#known = async (failed) => (known ? known() : readable(failed));
  }

  /** Where reads go: IndexedDB, or memory once it failed. */
  get store(): ProgressStore {
    return this.#store;
  }

  /**
   * Appends new entries (a rating, a reset, a cloze prompt's grades) at once, refused whole when
   * a guarded card (by card id) was answered elsewhere since it was shown.
   */
  async append(entries: readonly ReviewEntry[], guards?: ReadonlyMap<string, AppendGuard>): Promise<AppendOutcome> {
    const { value, saved } = await this.#write((store) => store.appendBatch({ entries, marks: [] }, guards));
    if (value.result === 'already-rated') return { result: 'already-rated', saved };
    for (const entry of value.batch.entries) this.#broadcast({ type: 'appended', entry });
    return { result: 'added', saved, entries: [...value.batch.entries] };
  }

  /** Takes entries back out of the log (an undo). */
  async remove(entries: readonly ReviewEntry[]): Promise<WriteOutcome> {
    const { saved } = await this.#write((store) => store.removeBatch({ entries, marks: [] }));
    for (const entry of entries) this.#broadcast({ type: 'removed', id: entry.id, cardId: entry.cardId });
    return { saved };
  }

  /** Writes marks and entries together (holds, the card browser's bulk actions); returns them as dated. */
  async writeBatch(batch: LogBatch): Promise<BatchOutcome> {
    const { value, saved } = await this.#write((store) => store.appendBatch(batch));
    // Unguarded, so never refused.
    const written = value.result === 'added' ? value.batch : batch;
    this.#announce(written, 'added');
    return { saved, batch: written };
  }

  /** The undo of `writeBatch`: removes exactly that batch. */
  async removeBatch(batch: LogBatch): Promise<WriteOutcome> {
    const { saved } = await this.#write((store) => store.removeBatch(batch));
    this.#announce(batch, 'removed');
    return { saved };
  }

  async saveSettings(settings: ReviewSettings): Promise<WriteOutcome> {
    const { saved } = await this.#write((store) => store.saveSettings(settings));
    return { saved };
  }

  /** Merges or replaces the whole log from a progress file (one transaction in the store). */
  async importLog(...args: Parameters<ProgressStore['importLog']>): Promise<ImportResult & WriteOutcome> {
    // An import that fails changes nothing: it is reported, and not retried in memory.
    try {
      const result = await this.#store.importLog(...args);
      this.#wrote();
      return { ...result, saved: this.#store.persistent };
    } catch (error) {
      if (this.#store.persistent) this.health.record({ kind: 'write-failed', error });
      throw error;
    }
  }

  /** The replay cache: derived data, so a failure only costs the next visit a replay. */
  async saveSnapshot(snapshot: ReplaySnapshot): Promise<void> {
    await this.#store.saveSnapshot(snapshot).catch(() => {});
  }

  /** Write, and when IndexedDB fails: report it, move to memory, and write there. */
  async #write<T>(work: (store: ProgressStore) => Promise<T>): Promise<{ value: T; saved: boolean }> {
    const store = this.#store;
    try {
      const value = await work(store);
      this.#wrote();
      return { value, saved: store.persistent };
    } catch (error) {
      if (!store.persistent) throw error;
      this.health.record({ kind: 'write-failed', error });
      // Loaded on use: most pages never need it.
      const [{ MemoryProgressStore }, known] = await Promise.all([import('./memory-store.ts'), this.#known(store)]);
      // Another write may have moved to memory while this one waited.
      if (this.#store === store) this.#store = new MemoryProgressStore(known.entries, known.settings, known.marks);
      return { value: await work(this.#store), saved: false };
    }
  }

  /** A write reached IndexedDB (writes to memory prove nothing about storage). */
  #wrote(): void {
    if (this.#store.persistent) this.health.record({ kind: 'written' });
  }

  #announce(batch: LogBatch, how: 'added' | 'removed'): void {
    // Resets change schedules: other tabs reload. Marks travel as they are.
    if (batch.entries.length > 0) this.#broadcast({ type: 'reload' });
    if (batch.marks.length === 0) return;
    this.#broadcast(
      how === 'added'
        ? { type: 'marks', added: [...batch.marks], removed: [] }
        : { type: 'marks', added: [], removed: batch.marks.map((mark) => mark.id) },
    );
  }
}

async function readable(store: ProgressStore): Promise<KnownProgress> {
  try {
    const { entries, settings, marks } = await store.load();
    return { entries, settings, marks };
  } catch {
    const { DEFAULT_SETTINGS } = await import('../review-log/constants.ts');
    return { entries: [], settings: { ...DEFAULT_SETTINGS }, marks: [] };
  }
}

/**
 * Opens the store for a writer and records the open in its health: memory (never "saved")
 * when IndexedDB is missing or would not open.
 */
export async function openProgressLog(options: Omit<ProgressLogOptions, 'store'> = {}): Promise<ProgressLog> {
  const { store, persistent } = await openProgressStore();
  const log = new ProgressLog({ ...options, store });
  log.health.record({ kind: persistent ? 'opened' : 'open-failed' });
  return log;
}
