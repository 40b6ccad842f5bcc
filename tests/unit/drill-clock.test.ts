import { describe, expect, it } from 'vitest';
import {
  anchorClock,
  drillInstant,
  formatClock,
  latestInstant,
  phaseBudgetsMs,
  phaseDurations,
  readClock,
} from '../../src/lib/drill/clock.ts';

const MIN = 60_000;
const T0 = Date.UTC(2026, 0, 31, 10, 0, 0);
// Phase budgets as the phase pages once had them: 4/6/5/22/5 in 45 minutes, 5/8/7/32/8 in 60.
const PHASES = [
  { minutes45: 4, minutes60: 5 },
  { minutes45: 6, minutes60: 8 },
  { minutes45: 5, minutes60: 7 },
  { minutes45: 22, minutes60: 32 },
  { minutes45: 5, minutes60: 8 },
];

describe('phaseBudgetsMs', () => {
  it('picks the column of the format', () => {
    expect(phaseBudgetsMs(45, PHASES)).toEqual([4, 6, 5, 22, 5].map((m) => m * MIN));
    expect(phaseBudgetsMs(60, PHASES)).toEqual([5, 8, 7, 32, 8].map((m) => m * MIN));
  });
});

describe('readClock', () => {
  const budgets = phaseBudgetsMs(45, PHASES);

  it('starts in phase 1 with its whole budget', () => {
    expect(readClock(budgets, { startedAt: T0, phaseEndedAt: [] }, T0)).toEqual({
      phase: 0,
      finished: false,
      elapsed: 0,
      remaining: 4 * MIN,
      overrun: false,
      totalElapsed: 0,
      totalRemaining: 42 * MIN,
    });
  });

  it('counts down inside a phase and stays in it past the budget (the user moves on, not the clock)', () => {
    const timeline = { startedAt: T0, phaseEndedAt: [] };
    expect(readClock(budgets, timeline, T0 + 3 * MIN + 30_000)).toMatchObject({
      phase: 0,
      remaining: 30_000,
      overrun: false,
    });
    expect(readClock(budgets, timeline, T0 + 4 * MIN)).toMatchObject({ phase: 0, remaining: 0, overrun: false });
    expect(readClock(budgets, timeline, T0 + 5 * MIN)).toMatchObject({ phase: 0, remaining: -MIN, overrun: true });
  });

  it('times each phase from the moment the previous one ended, early or late', () => {
    // Phase 1 ended early at 2 min, phase 2 late at 10 min: phase 3 started at minute 10.
    const timeline = { startedAt: T0, phaseEndedAt: [T0 + 2 * MIN, T0 + 10 * MIN] };
    expect(readClock(budgets, timeline, T0 + 12 * MIN)).toEqual({
      phase: 2,
      finished: false,
      elapsed: 2 * MIN,
      remaining: 3 * MIN,
      overrun: false,
      totalElapsed: 12 * MIN,
      totalRemaining: 30 * MIN,
    });
    expect(readClock(budgets, timeline, T0 + 16 * MIN)).toMatchObject({ phase: 2, remaining: -MIN, overrun: true });
  });

  it('uses the 60-minute budgets for a 60-minute drill', () => {
    const timeline = { startedAt: T0, phaseEndedAt: [T0 + 5 * MIN, T0 + 13 * MIN, T0 + 20 * MIN] };
    expect(readClock(phaseBudgetsMs(60, PHASES), timeline, T0 + 50 * MIN)).toMatchObject({
      phase: 3,
      remaining: 2 * MIN,
      overrun: false,
    });
  });

  it('is finished once every phase has ended, and the total stops there', () => {
    const ends = [4, 10, 15, 37, 44].map((m) => T0 + m * MIN);
    expect(readClock(budgets, { startedAt: T0, phaseEndedAt: ends }, T0 + 90 * MIN)).toEqual({
      phase: 5,
      finished: true,
      elapsed: 0,
      remaining: 0,
      overrun: false,
      totalElapsed: 44 * MIN,
      totalRemaining: -2 * MIN,
    });
  });

  it('never reports negative elapsed time when the device clock runs backwards', () => {
    const reading = readClock(budgets, { startedAt: T0, phaseEndedAt: [T0 + MIN] }, T0);
    expect(reading).toMatchObject({ phase: 1, elapsed: 0, remaining: 6 * MIN, totalElapsed: MIN });
  });
});

describe('phaseDurations', () => {
  it('gives each ended phase its own length', () => {
    expect(phaseDurations({ startedAt: T0, phaseEndedAt: [T0 + MIN, T0 + 3 * MIN, T0 + 3 * MIN] })).toEqual([
      MIN,
      2 * MIN,
      0,
    ]);
  });
});

describe('formatClock', () => {
  it('shows minutes and seconds, with a minus once over', () => {
    expect(formatClock(4 * MIN)).toBe('4:00');
    expect(formatClock(61_500)).toBe('1:01');
    expect(formatClock(-75_000)).toBe('−1:15');
    expect(formatClock(-400)).toBe('0:00');
  });
});

describe('a drill clock that survives the wall clock moving', () => {
  it('moves only with monotonic time within a page, whatever the wall clock does', () => {
    const anchor = anchorClock(T0, 1_000);
    expect(drillInstant(anchor, 61_000)).toBe(T0 + MIN);
    // The wall clock jumps an hour back: the drill does not see it.
    expect(drillInstant(anchor, 71_000)).toBe(T0 + MIN + 10_000);
    // A monotonic reading before the anchor (never happens in a page) cannot go back.
    expect(drillInstant(anchor, 0)).toBe(T0);
  });

  it('after a reload with the wall clock behind, resumes from the latest recorded instant', () => {
    const timeline = { startedAt: T0, phaseEndedAt: [T0 + 4 * MIN, T0 + 10 * MIN] };
    expect(latestInstant(timeline)).toBe(T0 + 10 * MIN);
    const anchor = anchorClock(T0 - 60 * MIN, 5_000, latestInstant(timeline));
    const budgets = phaseBudgetsMs(45, PHASES);
    expect(readClock(budgets, timeline, drillInstant(anchor, 5_000))).toMatchObject({ phase: 2, elapsed: 0 });
    expect(readClock(budgets, timeline, drillInstant(anchor, 35_000))).toMatchObject({ phase: 2, elapsed: 30_000 });
  });

  it('reads whole milliseconds, as storage keeps them', () => {
    expect(drillInstant(anchorClock(T0, 0.25), 1000.75)).toBe(T0 + 1001);
  });

  it('a wall clock ahead of the recorded instants is used as it is', () => {
    expect(anchorClock(T0 + MIN, 0, T0)).toEqual({ wall: T0 + MIN, mono: 0 });
  });
});
