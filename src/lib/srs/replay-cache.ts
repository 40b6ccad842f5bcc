import type { ReviewEntry } from '../progress/schema.ts';
import { replayLog, type ReplayedCard } from './replay.ts';
import { logFingerprint } from './log-fingerprint.ts';
import type { Scheduler, SchedulerOptions } from './scheduler.ts';

export { logFingerprint };

/** Replayed states saved with what they were computed from, so a reload can skip the replay. */
export interface ReplaySnapshot {
  fingerprint: string;
  states: [string, ReplayedCard][];
}

function looksLikeSnapshot(value: unknown): value is ReplaySnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const { fingerprint, states } = value as Partial<ReplaySnapshot>;
  return (
    typeof fingerprint === 'string' &&
    Array.isArray(states) &&
    states.every((item) => Array.isArray(item) && typeof item[0] === 'string' && item[1]?.card?.due instanceof Date)
  );
}

/**
 * The states of a log: from the snapshot when it was made from exactly this log
 * and these options, else by replaying (the log stays the truth; the snapshot is
 * only a cache).
 */
export function restoreOrReplay(
  scheduler: Scheduler,
  entries: readonly ReviewEntry[],
  options: SchedulerOptions,
  snapshot: unknown,
): { states: Map<string, ReplayedCard>; reused: boolean; fingerprint: string } {
  const fingerprint = logFingerprint(entries, options);
  if (looksLikeSnapshot(snapshot) && snapshot.fingerprint === fingerprint) {
    return { states: new Map(snapshot.states), reused: true, fingerprint };
  }
  return { states: replayLog(scheduler, entries), reused: false, fingerprint };
}
