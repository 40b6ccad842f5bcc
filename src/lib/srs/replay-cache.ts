import type { ReviewEntry } from '../progress/schema.ts';
import { replayLog, type ReplayedCard } from './replay.ts';
import type { Scheduler, SchedulerOptions } from './scheduler.ts';
import { inSlices } from '../yield-to-main.ts';

/** Entries hashed per task when the fingerprint is computed in slices (about 20 ms on a laptop). */
const FINGERPRINT_SLICE = 50_000;

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

/** Order-independent running totals of the entries' hashes: a fingerprint grows slice by slice. */
interface FingerprintTotals {
  count: number;
  sum: number;
  xor: number;
}

function addToTotals(totals: FingerprintTotals, entries: readonly ReviewEntry[], from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const e = entries[i] as ReviewEntry;
    const h = hash(`${e.id}|${e.cardId}|${e.rating}|${e.reviewedAt}|${e.cardHash}`);
    totals.sum = (totals.sum + h) >>> 0;
    totals.xor = (totals.xor ^ Math.imul(h, 0x9e3779b1)) >>> 0;
  }
  totals.count += to - from;
}

const formatTotals = ({ count, sum, xor }: FingerprintTotals, options: SchedulerOptions): string =>
  `${count}:${sum.toString(36)}:${xor.toString(36)}:${options.desiredRetention}:${options.maximumInterval}`;

/**
 * Identifies a log's content and the scheduling options, whatever the order the
 * entries come in: any added, removed or changed entry (or new settings) changes it.
 */
export function logFingerprint(entries: readonly ReviewEntry[], options: SchedulerOptions): string {
  const totals = { count: 0, sum: 0, xor: 0 };
  addToTotals(totals, entries, 0, entries.length);
  return formatTotals(totals, options);
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
