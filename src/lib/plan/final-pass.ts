import type { ReviewSettings } from '../review-log/schema.ts';
import { studyDayStart, studyDaysBetween } from '../srs/day.ts';
import type { ReplayedCard } from '../srs/replay.ts';
import { State, type Scheduler } from '../srs/scheduler.ts';
import { recallAt } from './readiness.ts';

/** The final pass never spans fewer days than this, so it is spread even with no margin set. */
export const FINAL_PASS_MIN_DAYS = 3;

export interface FinalPassInput {
  scheduler: Scheduler;
  states: ReadonlyMap<string, ReplayedCard>;
  /** Cards in scope (not suspended). */
  cardIds: readonly string[];
  now: number;
  interviewAt: number;
  /** Recall at the interview below this earns a card one more review (the desired retention). */
  target: number;
  /** The plan's margin: the final pass spans max(margin, FINAL_PASS_MIN_DAYS) days. */
  marginDays: number;
}

export interface FinalPass {
  /** Study-day offsets from today the pass uses, earliest first. */
  days: number[];
  /** Card ids given an extra review, by day offset. */
  byDay: Map<number, string[]>;
  /** The due time each such card now has: its own due or its pass day, whichever is earlier. */
  due: Map<string, number>;
}

const EMPTY: FinalPass = { days: [], byDay: new Map(), due: new Map() };

/**
 * The last review before the interview. Every studied card whose predicted
 * recall at the interview is below target gets a day in the final window: the
 * most stable first (an early review holds), the weakest last (closest to the
 * interview), at an even share per day, so the last day is not the only one. A
 * card already due sooner keeps its own date. Pure in `now`: recomputed from the
 * log each time, so a card reviewed and still weak is placed again, and after
 * the interview the pass is empty and scheduling is FSRS's alone.
 */
export function finalPass(input: FinalPassInput): FinalPass {
  const { scheduler, states, cardIds, now, interviewAt, target, marginDays } = input;
  if (interviewAt <= now) return EMPTY;
  const interviewDay = studyDaysBetween(now, interviewAt);
  const window = Math.max(marginDays, FINAL_PASS_MIN_DAYS);
  // The interview's own day counts only when it is today: on a later day the interview comes first.
  const lastDay = interviewDay === 0 ? 0 : interviewDay - 1;
  const firstDay = Math.max(0, interviewDay - window);
  const days = Array.from({ length: lastDay - firstDay + 1 }, (_, i) => firstDay + i);
  const candidates: { cardId: string; stability: number; due: number }[] = [];
  for (const cardId of cardIds) {
    const state = states.get(cardId);
    if (!state || state.card.state === State.New) continue;
    if (recallAt(scheduler, state, interviewAt) >= target) continue;
    candidates.push({ cardId, stability: state.card.stability, due: state.card.due.getTime() });
  }
  candidates.sort((a, b) => b.stability - a.stability || (a.cardId < b.cardId ? -1 : 1));
  const byDay = new Map<number, string[]>();
  const due = new Map<string, number>();
  candidates.forEach((candidate, index) => {
    const day = days[Math.floor((index * days.length) / candidates.length)] as number;
    // Day 0's start is before now, so a card placed today is due at once.
    const passDue = Math.min(candidate.due, studyDayStart(now, day));
    due.set(candidate.cardId, passDue);
    if (passDue < candidate.due) byDay.set(day, [...(byDay.get(day) ?? []), candidate.cardId]);
  });
  return { days, byDay, due };
}

/** The states with each final-pass card due on its pass day, for `buildQueue`. */
export function withFinalPass(states: ReadonlyMap<string, ReplayedCard>, pass: FinalPass): Map<string, ReplayedCard> {
  const result = new Map(states);
  for (const [cardId, due] of pass.due) {
    const state = states.get(cardId);
    if (state && due < state.card.due.getTime())
      result.set(cardId, { ...state, card: { ...state.card, due: new Date(due) } });
  }
  return result;
}

/**
 * The states the review queue is built from while an interview date is ahead:
 * the final pass applied with the user's margin and desired retention as the
 * target. With no date, or once it has passed, the states as FSRS left them.
 */
export function interviewQueueStates(
  scheduler: Scheduler,
  states: ReadonlyMap<string, ReplayedCard>,
  cardIds: readonly string[],
  now: number,
  settings: ReviewSettings,
): ReadonlyMap<string, ReplayedCard> {
  const interview = settings.interview;
  if (!interview || interview.at <= now) return states;
  const pass = finalPass({
    scheduler,
    states,
    cardIds,
    now,
    interviewAt: interview.at,
    target: settings.desiredRetention,
    marginDays: interview.marginDays,
  });
  return pass.due.size === 0 ? states : withFinalPass(states, pass);
}
