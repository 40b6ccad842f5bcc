import * as z from 'zod/mini';
import { INTERVIEW_MAX_DAYS_AHEAD, MAX_EPOCH_MS } from './constants.ts';

/**
 * The interview the user is preparing for. Stored with the review settings, so
 * it travels in the progress file; optional there, so older files still import.
 */

/** Bounds of the interview settings: the schema and the form's messages read them from here. */
export const INTERVIEW_LIMITS = {
  /** Minutes a day the user can give; 0 would make every plan impossible, so it is refused. */
  minutesPerDay: { min: 1, max: 1440 },
  /** Days before the interview by which every card must have been introduced. */
  marginDays: { min: 0, max: 60, default: 3 },
  /**
   * How far ahead the form takes a date. A file can hold any date up to
   * `MAX_EPOCH_MS` (set on another device, or long ago): the plan then says it
   * is too far rather than simulate every day to it.
   */
  maxDaysAhead: INTERVIEW_MAX_DAYS_AHEAD,
} as const;

const { minutesPerDay, marginDays } = INTERVIEW_LIMITS;

export const interviewSchema = z.strictObject({
  /** Epoch ms of the interview's start (local date and time as the user entered it). */
  at: z.int().check(z.gt(0), z.lte(MAX_EPOCH_MS)),
  minutesPerDay: z.optional(z.int().check(z.gte(minutesPerDay.min), z.lte(minutesPerDay.max))),
  marginDays: z.int().check(z.gte(marginDays.min), z.lte(marginDays.max)),
});

/** FSRS-6 parameters (21 weights), as ts-fsrs and the optimizer both use them. */
export const FSRS_PARAMETER_COUNT = 21;
export const fsrsParametersSchema = z
  .array(z.number().check(z.gte(-100), z.lte(100)))
  .check(z.length(FSRS_PARAMETER_COUNT));

export type Interview = z.infer<typeof interviewSchema>;
