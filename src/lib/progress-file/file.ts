import type { DrillRecord } from '../drill/schema.ts';
import { progressFileSchema, type ProgressFile } from './file-schema.ts';
import { clampFutureEntries, clampFutureMarks } from '../review-log/time.ts';
import {
  PROGRESS_FORMAT,
  PROGRESS_SCHEMA_VERSION,
  reviewEntrySchema,
  type GuideVisits,
  type MarkEntry,
  type ReviewEntry,
  type ReviewSettings,
} from '../review-log/schema.ts';

/** How many entries are checked between two progress reports. */
const PROGRESS_EVERY = 10_000;

export type ParseResult =
  | {
      ok: true;
      file: ProgressFile;
      /** Entries dated beyond the clock-skew tolerance, moved to the time of reading (see `clampFutureEntries`). */
      clamped: number;
      maxAheadMs: number;
    }
  | { ok: false; message: string };

/** The export: everything needed to carry progress to another browser. */
export function buildProgressFile(
  log: readonly ReviewEntry[],
  settings: ReviewSettings,
  now: number,
  drills: readonly DrillRecord[] = [],
  marks: readonly MarkEntry[] = [],
  visits: Readonly<GuideVisits> = {},
): ProgressFile {
  return {
    format: PROGRESS_FORMAT,
    schemaVersion: PROGRESS_SCHEMA_VERSION,
    exportedAt: now,
    settings,
    log: [...log].sort((a, b) => a.reviewedAt - b.reviewedAt || (a.id < b.id ? -1 : 1)),
    ...(drills.length > 0 ? { drills: [...drills] } : {}),
    ...(marks.length > 0 ? { marks: [...marks].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1)) } : {}),
    ...(Object.keys(visits).length > 0 ? { visits: { ...visits } } : {}),
  };
}

/** A file name that sorts by date: `vibe-check-progress-2026-01-31.json`. */
export function progressFileName(now: number): string {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${PROGRESS_FORMAT}-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.json`;
}

/** The most of any key or value a refusal quotes: a file can hold a key of a megabyte. */
const QUOTE_MAX = 40;

function clip(text: string): string {
  return text.length <= QUOTE_MAX
    ? text
    : `${text.slice(0, QUOTE_MAX)}… (${text.length.toLocaleString('en')} characters)`;
}

/**
 * Validates an imported file and says plainly what is wrong with a bad one:
 * not JSON, not a Vibe Check progress file, made by a newer version, or damaged.
 */
export function parseProgressFile(
  text: string,
  now: number,
  onProgress?: (checked: number, total: number) => void,
): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {
      ok: false,
      message: 'This file is not valid JSON, so it cannot be a Vibe Check progress file. Nothing was changed.',
    };
  }
  if (
    typeof data !== 'object' ||
    data === null ||
    Array.isArray(data) ||
    !('format' in data) ||
    data.format !== PROGRESS_FORMAT
  ) {
    return {
      ok: false,
      message:
        'This is not a Vibe Check progress file (it has no "format": "vibe-check-progress"). Nothing was changed.',
    };
  }
  const version = 'schemaVersion' in data ? data.schemaVersion : undefined;
  if (typeof version === 'number' && Number.isInteger(version) && version > PROGRESS_SCHEMA_VERSION) {
    return {
      ok: false,
      message: `This file was made by a newer version of Vibe Check (data version ${version}; this page reads up to ${PROGRESS_SCHEMA_VERSION}). Reload the site to update it, then import again. Nothing was changed.`,
    };
  }
  // The log is checked entry by entry, so a long one can report progress (from a worker).
  const log = 'log' in data && Array.isArray(data.log) ? (data.log as unknown[]) : null;
  const parsed = progressFileSchema.safeParse(log ? { ...data, log: [] } : data);
  const damaged = (issue: { path: PropertyKey[]; message: string } | undefined): ParseResult => {
    const path = issue?.path ?? [];
    const where = path.length > 0 ? ` at ${path.map((key) => clip(String(key))).join('.')}` : '';
    const position = path[0] === 'log' && typeof path[1] === 'number' ? ` (review ${path[1] + 1})` : '';
    const what = /At$/u.test(String(path.at(-1) ?? ''))
      ? 'the time is not a valid date (epoch milliseconds from 1970 up to the year 275760)'
      : clip(issue?.message ?? 'invalid data');
    return { ok: false, message: `This progress file is damaged${where}${position}: ${what}. Nothing was changed.` };
  };
  if (!parsed.success) return damaged(parsed.error.issues[0]);
  const entries: ReviewEntry[] = [];
  for (const [i, item] of (log ?? []).entries()) {
    const entry = reviewEntrySchema.safeParse(item);
    if (!entry.success) {
      const issue = entry.error.issues[0];
      return damaged({ path: ['log', i, ...(issue?.path ?? [])], message: issue?.message ?? 'invalid data' });
    }
    entries.push(entry.data);
    if (onProgress && (i + 1) % PROGRESS_EVERY === 0) onProgress(i + 1, log?.length ?? 0);
  }
  const dated = clampFutureEntries(entries, now);
  const marks = parsed.data.marks ? { marks: clampFutureMarks(parsed.data.marks, now) } : {};
  return {
    ok: true,
    file: { ...parsed.data, log: dated.entries, ...marks },
    clamped: dated.clamped,
    maxAheadMs: dated.maxAheadMs,
  };
}
