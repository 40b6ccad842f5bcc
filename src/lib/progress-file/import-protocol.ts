import type { DrillRecord } from '../drill/schema.ts';
import type { MergeSummary } from '../review-log/merge.ts';
import type { GuideVisits, MarkEntry, ReviewEntry, ReviewSettings } from '../review-log/schema.ts';

/**
 * The calls of the import worker. The worker reads, parses and validates the
 * file, compares it with the stored log and, once the user confirms, writes it
 * in one IndexedDB transaction: the page never holds the big arrays, so it
 * stays responsive. A refused file rejects with code `refused`; a write that
 * failed with `quota`, `unreadable` or `other` (its `ImportFailureReason`).
 */
export interface ImportPreview {
  logLength: number;
  /** Suspensions, unsuspensions and burials in the file (merged by id like the log). */
  marks: number;
  clamped: number;
  maxAheadMs: number;
  merge: MergeSummary;
  storedCount: number;
  settings: ReviewSettings;
  drills: DrillRecord[] | null;
}

export type ImportProgress = { stage: 'reading' | 'checking' | 'comparing' | 'writing'; done: number; total: number };

export type ImportFailureReason = 'quota' | 'unreadable' | 'other';

export const IMPORT_REFUSED = 'refused';

export type ImportCalls = {
  /** `stored`: the log to merge with, when it lives in the page's memory rather than in IndexedDB. */
  read: {
    request: { file: Blob; now: number; stored?: readonly ReviewEntry[] };
    reply: ImportPreview;
    progress: ImportProgress;
  };
  commit: { request: { mode: 'merge' | 'replace' }; reply: { added: number; total: number }; progress: ImportProgress };
  /** The validated entries, marks and visits (memory store only: it cannot be written from the worker). */
  entries: { request: null; reply: { entries: ReviewEntry[]; marks: MarkEntry[]; visits: GuideVisits } };
};
