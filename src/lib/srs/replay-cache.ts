import type { ReviewEntry } from '../review-log/schema.ts';
import { replayLog, type ReplayedCard } from './replay.ts';
import { addToTotals, formatTotals, logFingerprint } from './log-fingerprint.ts';
import type { Scheduler, SchedulerOptions } from './scheduler.ts';
import { inSlices } from '../yield-to-main.ts';

/** Entries hashed per task when the fingerprint is computed in slices (about 20 ms on a laptop). */
const FINGERPRINT_SLICE = 50_000;

export { logFingerprint };

/** Replayed states saved with what they were computed from, so a reload can skip the replay. */
export interface ReplaySnapshot {
  fingerprint: string;
  states: [string, ReplayedCard][];
}

/**
 * `logFingerprint`, `slice` entries per task: hashing a log of hundreds of thousands of
 * reviews (after an import) would otherwise hold the main thread for a quarter of a second.
 */
export async function logFingerprintInSlices(
  entries: readonly ReviewEntry[],
  options: SchedulerOptions,
  slice = FINGERPRINT_SLICE,
): Promise<string> {
  const totals = { count: 0, sum: 0, xor: 0 };
  await inSlices(entries.length, slice, (from, to) => addToTotals(totals, entries, from, to));
  return formatTotals(totals, options);
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

/**
 * `restoreOrReplay` for a log that may be huge, as after an import: the fingerprint is computed in
 * slices. (The import worker has already replayed the imported log and stored the snapshot, so
 * the replay itself is the rare path here.)
 */
export async function restoreOrReplayInSlices(
  scheduler: Scheduler,
  entries: readonly ReviewEntry[],
  options: SchedulerOptions,
  snapshot: unknown,
): Promise<{ states: Map<string, ReplayedCard>; reused: boolean }> {
  const fingerprint = await logFingerprintInSlices(entries, options);
  if (looksLikeSnapshot(snapshot) && snapshot.fingerprint === fingerprint) {
    return { states: new Map(snapshot.states), reused: true };
  }
  return { states: replayLog(scheduler, entries), reused: false };
}
