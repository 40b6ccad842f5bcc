import type { ReviewSettings } from '../review-log/schema.ts';
import type { InterviewInput } from './interview-input.ts';
import type { PlanReport } from './plan-report.ts';

/**
 * The interview panel asks its worker for a report. The worker reads the log
 * from IndexedDB and the deck itself, once, so the page never holds or replays
 * them for the plan; `settings` overrides the stored ones right after a change,
 * before the review app has finished writing it.
 */
export interface PlanRequest {
  deckUrl: string;
  /** The review page's query string: its section and tag filter set the plan's scope. */
  search: string;
  now: number;
  settings?: ReviewSettings;
  /** The interview form as typed: checked here, so its schema stays out of the page's code. */
  interviewForm?: InterviewInput;
  /** Include the recall map (`PlanReport.map`). */
  withMap?: boolean;
}

/** A refused interview form rejects with code `form` (nothing to save); any other failure means no report. */
export const PLAN_FORM_ERROR = 'form';

export type PlanCalls = {
  report: { request: PlanRequest; reply: PlanReport };
};
