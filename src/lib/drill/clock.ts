/**
 * The drill's clock as a pure function of stored timestamps, so a reload (or a
 * sleeping laptop) resumes exactly where the wall clock says the drill is:
 * nothing ticks in storage, only `startedAt` and the instants the user moved on.
 */

export const DRILL_FORMATS = [45, 60] as const;
export type DrillFormat = (typeof DRILL_FORMATS)[number];

/** A phase's time budget in both formats, as the phase pages' frontmatter gives it. */
export interface PhaseBudget {
  minutes45: number;
  minutes60: number;
}

/** What storage keeps of a running drill's time. */
export interface DrillTimeline {
  /** Epoch milliseconds when phase 1 started. */
  startedAt: number;
  /** Epoch milliseconds when each phase ended, in order; one per finished phase. */
  phaseEndedAt: readonly number[];
}

export interface ClockReading {
  /** Index of the current phase; equals the number of phases once the drill is over. */
  phase: number;
  finished: boolean;
  /** Milliseconds spent in the current phase. */
  elapsed: number;
  /** Milliseconds left in the current phase's budget; negative once it overruns. */
  remaining: number;
  overrun: boolean;
  /** Milliseconds since the drill started (until its last phase ended, once finished). */
  totalElapsed: number;
  /** Milliseconds left of the whole round's phase budgets; negative once over. */
  totalRemaining: number;
}

const MINUTE = 60_000;

/** Each phase's budget in milliseconds for a format. */
export function phaseBudgetsMs(format: DrillFormat, phases: readonly PhaseBudget[]): number[] {
  return phases.map((p) => (format === 45 ? p.minutes45 : p.minutes60) * MINUTE);
}

/** Where the drill stands at `now`. Times before a phase's start count as zero, never negative. */
export function readClock(budgets: readonly number[], timeline: DrillTimeline, now: number): ClockReading {
  const total = budgets.reduce((sum, b) => sum + b, 0);
  const ended = timeline.phaseEndedAt.slice(0, budgets.length);
  const finished = ended.length >= budgets.length;
  const phase = ended.length;
  const phaseStart = phase === 0 ? timeline.startedAt : (ended[phase - 1] ?? timeline.startedAt);
  const stop = finished ? phaseStart : Math.max(now, phaseStart);
  const totalElapsed = Math.max(0, stop - timeline.startedAt);
  if (finished) {
    return {
      phase,
      finished,
      elapsed: 0,
      remaining: 0,
      overrun: false,
      totalElapsed,
      totalRemaining: total - totalElapsed,
    };
  }
  const elapsed = stop - phaseStart;
  const remaining = (budgets[phase] ?? 0) - elapsed;
  return {
    phase,
    finished,
    elapsed,
    remaining,
    overrun: remaining < 0,
    totalElapsed,
    totalRemaining: total - totalElapsed,
  };
}

/** Milliseconds each phase took, for the phases that have ended. */
export function phaseDurations(timeline: DrillTimeline): number[] {
  let from = timeline.startedAt;
  return timeline.phaseEndedAt.map((at) => {
    const took = Math.max(0, at - from);
    from = at;
    return took;
  });
}

/** `m:ss`, with a leading minus once over budget. */
export function formatClock(ms: number): string {
  const seconds = Math.floor(Math.abs(ms) / 1000);
  const sign = ms < 0 && seconds > 0 ? '−' : '';
  return `${sign}${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * Where a page's drill clock starts: the wall clock when the page opened, but
 * never before the latest instant the drill recorded (its start, or the end of
 * its last phase). So when the wall clock moved back while the page was closed,
 * the timer resumes where the drill stood instead of running negative or
 * freezing until the wall clock catches up; the time it moved back is not
 * counted. From then on only the monotonic clock moves it.
 */
export interface ClockAnchor {
  /** Epoch milliseconds the drill's clock read at `mono`. */
  wall: number;
  /** `performance.now()` at that moment. */
  mono: number;
}

/** The latest instant a drill's timeline holds. */
export function latestInstant(timeline: DrillTimeline): number {
  return timeline.phaseEndedAt.reduce((latest, at) => Math.max(latest, at), timeline.startedAt);
}

export function anchorClock(wallNow: number, monoNow: number, notBefore = 0): ClockAnchor {
  return { wall: Math.max(wallNow, notBefore), mono: monoNow };
}

/**
 * The drill's current instant: the anchor moved on by monotonic time only, so a
 * wall clock set back (or forward) mid-drill neither freezes the timer nor gives
 * time back, and no phase is recorded as 0 s long because of a jump.
 */
export function drillInstant(anchor: ClockAnchor, monoNow: number): number {
  // Whole milliseconds: stored instants are integers, and performance.now() is not.
  return Math.round(anchor.wall + Math.max(0, monoNow - anchor.mono));
}
