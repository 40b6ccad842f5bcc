import type { MarkEntry, ReviewEntry, ReviewSettings } from '../review-log/schema.ts';

/** The calls of the stored-data check worker (`stored-check-worker.ts`). */
export type StoredCheckCalls = {
  entries: { request: unknown[]; reply: { entries: ReviewEntry[]; invalid: number } };
  marks: { request: unknown[]; reply: MarkEntry[] };
  settings: { request: unknown; reply: ReviewSettings };
};
