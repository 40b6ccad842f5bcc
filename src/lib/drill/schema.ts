import * as z from 'zod/mini';

/**
 * What drill mode keeps: the running drill (so a reload resumes it) and the
 * history of finished drills, which also travels in the progress export.
 * zod/mini keeps the validators small; every load and import is checked.
 */

const epochMs = z.int().check(z.gt(0));
const id = z.string().check(z.minLength(1), z.maxLength(200));

/** A drill in progress. */
export const activeDrillSchema = z.strictObject({
  id,
  /** Content id of the prompt page (`prompts/fraud-detection`). */
  promptId: id,
  format: z.union([z.literal(45), z.literal(60)]),
  startedAt: epochMs,
  /** When each finished phase ended, in order. */
  phaseEndedAt: z.array(epochMs),
  /** The user's notes, one per phase. */
  notes: z.array(z.string().check(z.maxLength(100_000))),
  /** How many hint questions the user has revealed, per phase. */
  hintsShown: z.array(z.int().check(z.gte(0))),
  /**
   * Bumped by every save: a tab writes only over the revision it last read, so a
   * stale tab cannot overwrite a newer drill. Optional for drills saved before it.
   */
  revision: z.optional(z.int().check(z.gte(0))),
});

/** One finished, self-assessed drill. */
export const drillRecordSchema = z.strictObject({
  id,
  promptId: id,
  promptTitle: z.string().check(z.minLength(1), z.maxLength(300)),
  format: z.union([z.literal(45), z.literal(60)]),
  startedAt: epochMs,
  /** Milliseconds spent in each phase. */
  phaseMs: z.array(z.int().check(z.gte(0))),
  /** Self-assessment per phase, 1 (missed it) to 4 (nailed it). */
  scores: z.array(z.int().check(z.gte(1), z.lte(4))),
  /** Content ids of the failure archetypes the user caught themselves in. */
  archetypes: z.array(id),
  /** Key questions the notes covered, out of `questionCount`. */
  questionsCovered: z.int().check(z.gte(0)),
  questionCount: z.int().check(z.gte(0)),
});

export const drillHistorySchema = z.array(drillRecordSchema);

export type ActiveDrill = z.infer<typeof activeDrillSchema>;
export type DrillRecord = z.infer<typeof drillRecordSchema>;
