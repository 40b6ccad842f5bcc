import type { SectionId } from '../sections.ts';
import { studyDayStart, studyDaysBetween } from '../srs/day.ts';
import type { ReplayedCard } from '../srs/replay.ts';
import { Rating, State, type Scheduler } from '../srs/scheduler.ts';
import { FINAL_PASS_MIN_DAYS, finalPass, withFinalPass } from './final-pass.ts';
import type { Interview } from '../review-log/interview-schema.ts';

/** Simulated reviews happen at 09:00 local time (study days start at 4 AM), today's at once. */
const SIMULATED_HOUR = 9;
/** A day over this share of the minutes available is "tight", not "on track". */
export const TIGHT_SHARE = 0.8;
/** The latest date the plan suggests, in days past the interview: further out, the plan is the user's to rethink. */
const MAX_POSTPONE_DAYS = 120;

export interface PlanInput {
  scheduler: Scheduler;
  states: ReadonlyMap<string, ReplayedCard>;
  /** Cards in scope (filters applied, suspended cards left out), in the order new ones are introduced. */
  cardIds: readonly string[];
  now: number;
  interview: Interview;
  /** Desired retention: the final pass's target. */
  target: number;
  /** Median seconds per review (`reviewPace`). */
  secondsPerReview: number;
  /** The user's current new cards a day, to say when the plan needs more. */
  newPerDaySetting: number;
  /** Section of each card, to suggest which to leave out; optional. */
  sectionOf?: ReadonlyMap<string, SectionId>;
}

export type Verdict = 'on-track' | 'tight' | 'not-feasible';

export interface DayLoad {
  /** Study-day offset from today. */
  day: number;
  /** Epoch ms of the day's 4 AM start. */
  start: number;
  reviews: number;
  newCards: number;
  minutes: number;
}

export interface Plan {
  /** Study days from today to the interview's day. */
  daysLeft: number;
  /** Days on which new cards may still be introduced (today included). */
  introductionDays: number;
  newCards: number;
  /** New cards a day to introduce them all `marginDays` before the interview. */
  newPerDay: number;
  days: DayLoad[];
  peakMinutes: number;
  verdict: Verdict;
  /** Why the verdict is what it is, in plain words. */
  reasons: string[];
  /** What would make the plan feasible (or comfortable) when it is not on track. */
  remedies: { minutes?: number; postponeDays?: number; dropSections?: SectionId[]; newPerDay?: number };
}

/** Rates a card Good at `at` and keeps rating its learning steps until it graduates or the day ends. */
function studyCard(
  scheduler: Scheduler,
  cardId: string,
  state: ReplayedCard,
  at: number,
  dayEnd: number,
): [ReplayedCard, number] {
  let card = scheduler.rate(cardId, state.card, at, Rating.Good);
  let ratings = 1;
  while (card.state !== State.Review && card.due.getTime() < dayEnd) {
    card = scheduler.rate(cardId, card, card.due.getTime(), Rating.Good);
    ratings++;
  }
  return [{ ...state, card, introducedAt: state.introducedAt ?? at, lastEntryAt: at }, ratings];
}

/**
 * Simulates every day from today to the interview with ts-fsrs: the due cards
 * (and final-pass cards) are reviewed, the day's new cards introduced, every
 * answer assumed Good (lapses would add about (1 − retention) × reviews). The
 * interview's own day is left out unless it is today.
 */
function simulate(
  input: PlanInput,
  interviewAt: number,
  cardIds: readonly string[],
): Omit<Plan, 'verdict' | 'reasons' | 'remedies'> {
  const { scheduler, now, interview, target, secondsPerReview } = input;
  const daysLeft = studyDaysBetween(now, interviewAt);
  const introductionDays = Math.max(0, daysLeft - interview.marginDays + 1);
  const fresh = cardIds.filter((id) => {
    const state = input.states.get(id);
    return !state || state.card.state === State.New;
  });
  const newPerDay =
    fresh.length === 0 ? 0 : introductionDays === 0 ? fresh.length : Math.ceil(fresh.length / introductionDays);
  const states = new Map(input.states);
  const days: DayLoad[] = [];
  const lastDay = daysLeft === 0 ? 0 : daysLeft - 1;
  let nextFresh = 0;
  for (let day = 0; day <= lastDay; day++) {
    const start = studyDayStart(now, day);
    const dayEnd = studyDayStart(now, day + 1);
    const at = day === 0 ? now : new Date(start).setHours(SIMULATED_HOUR, 0, 0, 0);
    // The final pass places cards only in its last days; before them it is a no-op worth skipping.
    const inWindow = daysLeft - day <= Math.max(interview.marginDays, FINAL_PASS_MIN_DAYS);
    const passInput = { scheduler, states, cardIds, now: at, interviewAt, target, marginDays: interview.marginDays };
    const view = inWindow ? withFinalPass(states, finalPass(passInput)) : states;
    let reviews = 0;
    for (const cardId of cardIds) {
      const state = view.get(cardId);
      if (!state || state.card.state === State.New || state.card.due.getTime() >= dayEnd) continue;
      const [next, ratings] = studyCard(scheduler, cardId, state, Math.max(at, state.card.due.getTime()), dayEnd);
      states.set(cardId, next);
      reviews += ratings;
    }
    let newCards = 0;
    while (day < introductionDays && newCards < newPerDay && nextFresh < fresh.length) {
      const cardId = fresh[nextFresh++] as string;
      const empty: ReplayedCard = { card: scheduler.emptyCard(at), lastHash: '', introducedAt: null, lastEntryAt: at };
      const [next, ratings] = studyCard(scheduler, cardId, empty, at, dayEnd);
      states.set(cardId, next);
      reviews += ratings;
      newCards++;
    }
    days.push({ day, start, reviews, newCards, minutes: (reviews * secondsPerReview) / 60 });
  }
  // A loop, not Math.max(...days): spreading one argument per day overflows the stack for far dates.
  let peakMinutes = 0;
  for (const d of days) peakMinutes = Math.max(peakMinutes, d.minutes);
  return { daysLeft, introductionDays, newCards: fresh.length, newPerDay, days, peakMinutes };
}

function fits(plan: Omit<Plan, 'verdict' | 'reasons' | 'remedies'>, minutes: number | undefined): boolean {
  if (plan.newCards > 0 && plan.introductionDays === 0) return false;
  return minutes === undefined || plan.peakMinutes <= minutes;
}

/** The plan to the interview, its verdict and, when it does not fit, what would. */
export function makePlan(input: PlanInput): Plan {
  const { interview, now } = input;
  if (interview.at <= now) throw new RangeError('The interview date is in the past: set a date still to come.');
  const minutes = interview.minutesPerDay;
  const base = simulate(input, interview.at, input.cardIds);
  const reasons: string[] = [];
  const remedies: Plan['remedies'] = {};
  let verdict: Verdict = 'on-track';
  if (base.newCards > 0 && base.introductionDays === 0) {
    verdict = 'not-feasible';
    reasons.push(
      `${base.newCards} cards are still new and the interview is within the ${interview.marginDays}-day margin: there is no day left to introduce them.`,
    );
  }
  if (minutes !== undefined && base.peakMinutes > minutes) {
    verdict = 'not-feasible';
    reasons.push(`The busiest day needs ${Math.ceil(base.peakMinutes)} minutes; you have ${minutes}.`);
  } else if (minutes !== undefined && base.peakMinutes > TIGHT_SHARE * minutes && verdict === 'on-track') {
    verdict = 'tight';
    reasons.push(`The busiest day needs ${Math.ceil(base.peakMinutes)} of your ${minutes} minutes.`);
  }
  if (base.newPerDay > input.newPerDaySetting) {
    remedies.newPerDay = base.newPerDay;
    if (verdict === 'on-track') verdict = 'tight';
    reasons.push(`It needs ${base.newPerDay} new cards a day; your setting introduces ${input.newPerDaySetting}.`);
  }
  if (verdict === 'on-track') return { ...base, verdict, reasons, remedies };
  if (minutes !== undefined && base.introductionDays > 0) remedies.minutes = Math.ceil(base.peakMinutes);
  if (fits(base, minutes)) return { ...base, verdict, reasons, remedies };
  const postponeDays = postponement(input, minutes);
  if (postponeDays !== undefined) remedies.postponeDays = postponeDays;
  const dropSections = sectionsToDrop(input, minutes);
  if (dropSections) remedies.dropSections = dropSections;
  return { ...base, verdict, reasons, remedies };
}

/** The fewest extra days after which the plan fits (binary search on a monotone enough question). */
function postponement(input: PlanInput, minutes: number | undefined): number | undefined {
  const DAY = 86_400_000;
  const fitsWith = (extra: number) => fits(simulate(input, input.interview.at + extra * DAY, input.cardIds), minutes);
  if (!fitsWith(MAX_POSTPONE_DAYS)) return undefined;
  let low = 0;
  let high = MAX_POSTPONE_DAYS;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (fitsWith(middle)) high = middle;
    else low = middle;
  }
  return high;
}

/** Sections to leave out, the ones with the most new cards first, until the plan fits. */
function sectionsToDrop(input: PlanInput, minutes: number | undefined): SectionId[] | undefined {
  const { sectionOf } = input;
  if (!sectionOf) return undefined;
  const newBySection = new Map<SectionId, number>();
  for (const cardId of input.cardIds) {
    const section = sectionOf.get(cardId);
    const state = input.states.get(cardId);
    if (section && (!state || state.card.state === State.New))
      newBySection.set(section, (newBySection.get(section) ?? 0) + 1);
  }
  const order = [...newBySection].sort((a, b) => b[1] - a[1]).map(([section]) => section);
  const dropped: SectionId[] = [];
  for (const section of order) {
    dropped.push(section);
    const kept = input.cardIds.filter((id) => !dropped.includes(sectionOf.get(id) as SectionId));
    if (fits(simulate(input, input.interview.at, kept), minutes)) return dropped;
  }
  return undefined;
}
