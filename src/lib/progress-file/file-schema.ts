import * as z from 'zod/mini';
import { drillHistorySchema } from '../drill/schema.ts';
import {
  guideVisitsSchema,
  markEntrySchema,
  PROGRESS_FORMAT,
  READABLE_SCHEMA_VERSIONS,
  reviewEntrySchema,
  settingsSchema,
} from '../review-log/schema.ts';

/**
 * The exported progress file. Apart from the stored shapes (schema.ts), which
 * the review page checks at start-up, since only export and import need it.
 */
export const progressFileSchema = z.strictObject({
  format: z.literal(PROGRESS_FORMAT),
  schemaVersion: z.literal(READABLE_SCHEMA_VERSIONS),
  /** Epoch milliseconds. */
  exportedAt: z.int().check(z.gt(0)),
  settings: settingsSchema,
  log: z.array(reviewEntrySchema),
  /** Finished drills with their self-scores; optional, so files from before drill mode stay valid. */
  drills: z.optional(drillHistorySchema),
  /** Suspensions and burials (version 2); absent in version 1 files, which had none. */
  marks: z.optional(z.array(markEntrySchema)),
  /** The guides opened, so new cards still follow reading after an import; optional, older files have none. */
  visits: z.optional(guideVisitsSchema),
});

export type ProgressFile = z.infer<typeof progressFileSchema>;
