import type { ReviewEntry } from '../progress/schema.ts';
import { replayLog, type ReplayedCard } from './replay.ts';
import type { Scheduler, SchedulerOptions } from './scheduler.ts';

/** Replayed states saved with what they were computed from, so a reload can skip the replay. */
export interface ReplaySnapshot {
  fingerprint: string;
  states: [string, ReplayedCard][];
}

/** 32-bit FNV-1a. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Identifies a log's content and the scheduling options, whatever the order the
 * entries come in: any added, removed or changed entry (or new settings) changes it.
 */
export function logFingerprint(entries: readonly ReviewEntry[], options: SchedulerOptions): string {
  let sum = 0;
  let xor = 0;
  for (const e of entries) {
    const h = hash(`${e.id}|${e.cardId}|${e.rating}|${e.reviewedAt}|${e.cardHash}`);
    sum = (sum + h) >>> 0;
    xor = (xor ^ Math.imul(h, 0x9e3779b1)) >>> 0;
  }
  return `${entries.length}:${sum.toString(36)}:${xor.toString(36)}:${options.desiredRetention}:${options.maximumInterval}`;
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
