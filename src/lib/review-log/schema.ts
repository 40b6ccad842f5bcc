import * as z from 'zod/mini';
import { MAX_EPOCH_MS } from './constants.ts';
import { fsrsParametersSchema, interviewSchema } from './interview-schema.ts';

/**
 * What the review app stores and exports. zod/mini keeps these validators small
 * enough for the review page's JS budget; they check every load from IndexedDB
 * and every imported file.
 */

/** Format name written into every export, so a foreign JSON file is recognised as such. */
export const PROGRESS_FORMAT = 'vibe-check-progress';
/** Version of the stored and exported data; a file from a newer version is refused, never guessed at. */
export const PROGRESS_SCHEMA_VERSION = 2;
/** Versions this page still imports: version 1 is version 2 without `marks` (the file's shape: `file-schema.ts`). */
export const READABLE_SCHEMA_VERSIONS = [1, 2] as const;

export { DEFAULT_SETTINGS, RESET_RATING } from './constants.ts';

/** Places a rating can be made other than /review/ (which writes no `source`). */
export const REVIEW_SOURCES = ['reading'] as const;

/** Entry ids: random, unique across devices, so logs merge by id. */
const entryIdSchema = z.string().check(z.minLength(8), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/u));

export const reviewEntrySchema = z.strictObject({
  /** Random id, unique across devices: merging logs by id loses and duplicates nothing. */
  id: entryIdSchema,
  /** The deck card's id. Cards removed from the deck keep their entries. */
  cardId: z.string().check(z.minLength(1), z.maxLength(200)),
  rating: z.int().check(z.gte(0), z.lte(4)),
  /** Epoch milliseconds, within the range a Date can hold. */
  reviewedAt: z.int().check(z.gt(0), z.lte(MAX_EPOCH_MS)),
  /** The card's content hash when it was reviewed: a different hash in the deck means it was edited since. */
  cardHash: z.string().check(z.regex(/^[0-9a-f]{16}$/u)),
  /**
   * Where the rating was made: `reading` for a prompt answered inside a guide.
   * Absent for /review/ (and in every file written before guides could grade),
   * so older files still import; scheduling treats both alike.
   */
  source: z.optional(z.enum(REVIEW_SOURCES)),
});

/**
 * What a user can say about a card besides rating it: suspend (never shown
 * until unsuspended) and bury (not shown until the next 4 AM rollover).
 */
export const MARK_KINDS = ['suspend', 'unsuspend', 'bury'] as const;

/**
 * A suspension, unsuspension or burial. Marks are appended like reviews and
 * never edited: a card's state is read from the whole set (see `cardHolds`),
 * so merging two devices' marks is a union by id, whatever their order.
 */
export const markEntrySchema = z.strictObject({
  id: entryIdSchema,
  kind: z.literal(MARK_KINDS),
  cardId: z.string().check(z.minLength(1), z.maxLength(200)),
  /** Epoch milliseconds. */
  at: z.int().check(z.gt(0), z.lte(MAX_EPOCH_MS)),
});

/**
 * The guides the reader has opened: site-relative page URL (no base) → first
 * visit, epoch ms. New cards of these guides come first in /review/.
 */
export const guideVisitsSchema = z.record(
  z.string().check(z.startsWith('/'), z.maxLength(500)),
  z.int().check(z.gt(0), z.lte(MAX_EPOCH_MS)),
);

/**
 * The bounds of each setting: the schema below, the settings form's min, max and
 * step, and the message for a rejected form all read them from here.
 */
export const SETTINGS_LIMITS = {
  /** New cards introduced per study day. */
  newPerDay: { min: 0, max: 9999, step: 1 },
  /** FSRS desired retention; outside 0.80–0.97 reviews become pointless or overwhelming. */
  desiredRetention: { min: 0.8, max: 0.97, step: 0.01 },
  /** Longest interval FSRS may schedule, in days. */
  maximumInterval: { min: 1, max: 36500, step: 1 },
} as const;

const { newPerDay, desiredRetention, maximumInterval } = SETTINGS_LIMITS;

export const settingsSchema = z.strictObject({
  newPerDay: z.int().check(z.gte(newPerDay.min), z.lte(newPerDay.max)),
  desiredRetention: z.number().check(z.gte(desiredRetention.min), z.lte(desiredRetention.max)),
  maximumInterval: z.int().check(z.gte(maximumInterval.min), z.lte(maximumInterval.max)),
  /**
   * "Only cards from guides I have read": new cards of unopened guides wait
   * (absent means on, so files from before the setting keep the default).
   */
  onlyReadGuides: z.optional(z.boolean()),
  /** The interview date the plan works to; optional, so files from before it still import. */
  interview: z.optional(interviewSchema),
  /** FSRS weights fitted to the user's own log by the optimizer; absent means ts-fsrs's defaults. */
  parameters: z.optional(fsrsParametersSchema),
});

/** What the settings form says when the schema rejects it. */
export const SETTINGS_LIMITS_MESSAGE =
  `Check the settings: new cards per day is a whole number from ${newPerDay.min} to ${newPerDay.max}, ` +
  `desired retention is between ${desiredRetention.min.toFixed(2)} and ${desiredRetention.max.toFixed(2)}, ` +
  `and the maximum interval is ${maximumInterval.min} to ${maximumInterval.max} days.`;

export type ReviewEntry = z.infer<typeof reviewEntrySchema>;
export type MarkEntry = z.infer<typeof markEntrySchema>;
export type MarkKind = MarkEntry['kind'];
export type GuideVisits = z.infer<typeof guideVisitsSchema>;
export type ReviewSettings = z.infer<typeof settingsSchema>;
