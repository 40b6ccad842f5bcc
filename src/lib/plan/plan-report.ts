import type { DeckCard } from '../deck-schema.ts';
import type { MarkEntry, ReviewEntry, ReviewSettings } from '../review-log/schema.ts';
import { sectionLabel } from '../sections.ts';
import { cardHolds } from '../srs/holds.ts';
import { replayLog } from '../srs/replay.ts';
import { createScheduler } from '../srs/scheduler.ts';
import { interviewTooFar } from './interview-input.ts';
import { OPTIMIZER_MIN_REVIEWS, optimizerRevlog } from './optimizer-input.ts';
import { makePlan, type Plan } from './plan.ts';
import { readiness, weakestConcepts, type RecallGroup } from './readiness.ts';
import { reviewPace, type ReviewPace } from './review-pace.ts';

/** Everything the interview panel shows, computed in one go from the stored progress. */
export interface PlanReport {
  settings: ReviewSettings;
  pace: ReviewPace;
  /** Reviews the optimizer would train on, and how many it needs (`OPTIMIZER_MIN_REVIEWS`). */
  trainingReviews: number;
  optimizerThreshold: number;
  /** Present when an interview date still to come is set. */
  plan?: Plan;
  readiness?: { overall: RecallGroup; weakest: RecallGroup[] };
  /** Names of the sections the plan suggests leaving out, for the page (which does not load the section list). */
  dropSectionLabels?: string[];
  /** True when the date set has passed (scheduling is back to normal). */
  interviewPassed: boolean;
  /** True when the date set is further ahead than the plan works to (`INTERVIEW_LIMITS.maxDaysAhead`): no plan. */
  interviewTooFar: boolean;
  /** The stats page's map: recall per guide page (in deck order) now, and at the interview when one is ahead. */
  map?: { now: RecallGroup[]; interview?: RecallGroup[] };
}

export interface PlanReportInput {
  /** Cards in the review's scope (its filter applied). */
  cards: readonly DeckCard[];
  entries: readonly ReviewEntry[];
  marks: readonly MarkEntry[];
  settings: ReviewSettings;
  now: number;
  /** Also compute the map (the stats page asks for it; the review page does not). */
  withMap?: boolean;
}

/** The plan and readiness for the cards in scope, suspended cards left out. */
export function planReport({ cards, entries, marks, settings, now, withMap }: PlanReportInput): PlanReport {
  const scheduler = createScheduler(settings);
  const pace = reviewPace(entries);
  const trainingReviews = optimizerRevlog(scheduler, entries, now).trainingReviews;
  const { interview } = settings;
  const report: PlanReport = {
    settings,
    pace,
    trainingReviews,
    optimizerThreshold: OPTIMIZER_MIN_REVIEWS,
    interviewPassed: interview !== undefined && interview.at <= now,
    interviewTooFar: interview !== undefined && interviewTooFar(interview.at, now),
  };
  const ahead = interview !== undefined && interview.at > now;
  // Replaying the log is the long step: skipped when there is neither a map nor a plan to draw.
  if (!withMap && !ahead) return report;
  const states = replayLog(scheduler, entries);
  const { suspended } = cardHolds(marks, now);
  const inScope = cards.filter((card) => !suspended.has(card.id));
  if (withMap) {
    const pages = (at: number) => readiness(scheduler, states, inScope, at, sectionLabel).pages;
    report.map = { now: pages(now), ...(ahead ? { interview: pages(interview.at) } : {}) };
  }
  if (!interview || !ahead || report.interviewTooFar) return report;
  report.plan = makePlan({
    scheduler,
    states,
    cardIds: inScope.map((card) => card.id),
    now,
    interview,
    target: settings.desiredRetention,
    secondsPerReview: pace.seconds,
    newPerDaySetting: settings.newPerDay,
    sectionOf: new Map(inScope.map((card) => [card.id, card.section])),
  });
  const ready = readiness(scheduler, states, inScope, interview.at, sectionLabel);
  report.readiness = { overall: ready.overall, weakest: weakestConcepts(ready, 5) };
  const dropped = report.plan.remedies.dropSections;
  if (dropped) report.dropSectionLabels = dropped.map(sectionLabel);
  return report;
}
