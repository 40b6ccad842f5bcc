import type { ReviewEntry } from '../review-log/schema.ts';
import { schedulerIdentity, type SchedulerOptions } from './scheduler-identity.ts';

// Its own file (no scheduler), so a guide's memory worker can check the replay cache without loading ts-fsrs's engine.

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
export interface FingerprintTotals {
  count: number;
  sum: number;
  xor: number;
}

export function addToTotals(
  totals: FingerprintTotals,
  entries: readonly ReviewEntry[],
  from: number,
  to: number,
): void {
  for (let i = from; i < to; i++) {
    const e = entries[i] as ReviewEntry;
    const h = hash(`${e.id}|${e.cardId}|${e.rating}|${e.reviewedAt}|${e.cardHash}`);
    totals.sum = (totals.sum + h) >>> 0;
    totals.xor = (totals.xor ^ Math.imul(h, 0x9e3779b1)) >>> 0;
  }
  totals.count += to - from;
}

/** The log's totals and the scheduler's identity: a cached replay is reused only when both match. */
export const formatTotals = ({ count, sum, xor }: FingerprintTotals, options: SchedulerOptions): string =>
  `${count}:${sum.toString(36)}:${xor.toString(36)}:${schedulerIdentity(options)}`;

/**
 * Identifies a log's content and the scheduling options, whatever the order the
 * entries come in: any added, removed or changed entry, or any change of the scheduler's identity
 * (parameters, retention, maximum interval, steps, seed rule, ts-fsrs version), changes it.
 */
export function logFingerprint(entries: readonly ReviewEntry[], options: SchedulerOptions): string {
  const totals = { count: 0, sum: 0, xor: 0 };
  addToTotals(totals, entries, 0, entries.length);
  return formatTotals(totals, options);
}
