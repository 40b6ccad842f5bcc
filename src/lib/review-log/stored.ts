import {
  DEFAULT_SETTINGS,
  markEntrySchema,
  reviewEntrySchema,
  settingsSchema,
  type MarkEntry,
  type ReviewEntry,
  type ReviewSettings,
} from './schema.ts';

/*
 * Validation of what IndexedDB hands back, apart from the file format (file.ts):
 * the review page needs these at start-up, the export and import code only later.
 */

/** Validates entries read back from storage, keeping the good ones and counting the rest. */
export function validateStoredEntries(raw: readonly unknown[]): { entries: ReviewEntry[]; invalid: number } {
  const entries: ReviewEntry[] = [];
  let invalid = 0;
  for (const item of raw) {
    const result = reviewEntrySchema.safeParse(item);
    if (result.success) entries.push(result.data);
    else invalid++;
  }
  return { entries, invalid };
}

/** The stored marks that pass validation (a damaged one must not suspend or free a card). */
export function validateStoredMarks(raw: readonly unknown[]): MarkEntry[] {
  const marks: MarkEntry[] = [];
  for (const item of raw) {
    const result = markEntrySchema.safeParse(item);
    if (result.success) marks.push(result.data);
  }
  return marks;
}

/** The stored settings, or the defaults when they are missing or damaged. */
export function validateStoredSettings(raw: unknown): ReviewSettings {
  const parsed = settingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
}
