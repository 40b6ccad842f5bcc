import { markEntrySchema, reviewEntrySchema, type MarkEntry, type ReviewEntry } from './schema.ts';

// Apart from file.ts (the export and import format), so /review/'s start-up loads the check of stored
// entries without the file format's code, which only export and import (loaded when idle) need.

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
