import type { GuideVisits, MarkEntry, ReviewEntry, ReviewSettings } from '../review-log/schema.ts';
import type { ReplaySnapshot } from '../srs/replay-cache.ts';
import type { ImportResult } from './import-log.ts';

/*
 * The progress store's contract, apart from its two implementations: IndexedDB
 * (progress-store.ts) and memory (memory-store.ts, loaded only when needed).
 */

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

/**
 * What `appendBatch` did: wrote the whole batch (as dated by `stampBatch`, which is what the
 * caller must remember and undo), or nothing because a guarded card was answered elsewhere.
 */
export type BatchResult = { result: 'added'; batch: LogBatch } | { result: 'already-rated' };

/**
 * Where progress lives. IndexedDB normally; memory when IndexedDB is missing
 * (private mode) or full, so a session still works and only persistence is lost.
 */
export interface ProgressStore {
  readonly persistent: boolean;
  load(): Promise<LoadedProgress>;
  append(entry: ReviewEntry, guard?: AppendGuard): Promise<AppendResult>;
  remove(id: string): Promise<void>;
  /**
   * Writes a batch in one transaction, all or nothing, each entry and mark dated after its
   * card's latest stored one (`stampBatch`); refused whole when a card of `guards` (by card id)
   * was answered elsewhere since it was shown.
   */
  appendBatch(batch: LogBatch, guards?: ReadonlyMap<string, AppendGuard>): Promise<BatchResult>;
  /** Removes the entries and marks of a batch by id (the undo of `appendBatch`). */
  removeBatch(batch: LogBatch): Promise<void>;
  saveSettings(settings: ReviewSettings): Promise<void>;
  /** The settings alone, without reading the log (a guide grading one card). */
  loadSettings(): Promise<ReviewSettings>;
  /** The guides the reader has opened (page URLs), for new cards that follow reading. */
  loadVisits(): Promise<ReadonlySet<string>>;
  /** The same, with each guide's first visit (what the progress file carries). */
  loadVisitTimes(): Promise<GuideVisits>;
  /** The suspensions and burials alone, without reading the log (a guide holding one card). */
  loadMarks(): Promise<MarkEntry[]>;
  /** Merge by id (default) or replace everything, all or nothing; visits merge by `mergeVisits`. */
  importLog(
    entries: readonly ReviewEntry[],
    mode: 'merge' | 'replace',
    settings?: ReviewSettings,
    marks?: readonly MarkEntry[],
    visits?: Readonly<GuideVisits>,
  ): Promise<ImportResult>;
  entriesForCard(cardId: string): Promise<ReviewEntry[]>;
  /** The cached replay (unvalidated: the caller checks it against the log). */
  loadSnapshot(): Promise<unknown>;
  saveSnapshot(snapshot: ReplaySnapshot): Promise<void>;
}
