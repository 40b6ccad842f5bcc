import type { DrillRecord } from '../drill/schema.ts';
import type { MergeSummary } from '../review-log/merge.ts';
import type { GuideVisits, MarkEntry, ReviewEntry, ReviewSettings } from '../review-log/schema.ts';

/**
 * Messages between the page and the import worker. The worker reads, parses
 * and validates the file, compares it with the stored log and, once the user
 * confirms, writes it in one IndexedDB transaction: the page never holds the
 * big arrays, so it stays responsive.
 */
export type ToImportWorker =
  /** `stored`: the log to merge with, when it lives in the page's memory rather than in IndexedDB. */
  | { type: 'read'; file: Blob; now: number; stored?: readonly ReviewEntry[] }
  | { type: 'commit'; mode: 'merge' | 'replace' }
  /** Asks for the validated entries, marks and visits (memory store only: it cannot be written from the worker). */
  | { type: 'entries' };

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

export type FromImportWorker =
  | { type: 'progress'; stage: 'reading' | 'checking' | 'comparing' | 'writing'; done: number; total: number }
  | { type: 'refused'; message: string }
  | { type: 'preview'; preview: ImportPreview }
  | { type: 'entries'; entries: ReviewEntry[]; marks: MarkEntry[]; visits: GuideVisits }
  | { type: 'committed'; added: number; total: number }
  | { type: 'failed'; reason: 'quota' | 'unreadable' | 'other' };
