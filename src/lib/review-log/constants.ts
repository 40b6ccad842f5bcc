/**
 * Plain values of the progress data, in their own file so code that loads
 * without the schemas (a guide's memory overlay) can read them.
 */

/** 1–4 are Again, Hard, Good, Easy (as in ts-fsrs); 0 means the user reset the card to new. */
export const RESET_RATING = 0;

export const DEFAULT_SETTINGS = {
  newPerDay: 20,
  desiredRetention: 0.9,
  maximumInterval: 36500,
} as const;

/** The BroadcastChannel on which tabs tell each other about changes to the log (`store/sync.ts`). */
export const SYNC_CHANNEL = 'vibe-check-progress';

/** The largest instant a JavaScript Date can hold (year 275760): later values are not dates at all. */
export const MAX_EPOCH_MS = 8_640_000_000_000_000;

/**
 * How far ahead an interview date the form takes (2 years): the plan simulates
 * every day to the interview, and a plan for years ahead means nothing. Here,
 * apart from the schema, so the page can say it without loading zod.
 */
export const INTERVIEW_MAX_DAYS_AHEAD = 730;
