import type { ReviewEntry } from '../review-log/schema.ts';
import type { SchedulerOptions } from './scheduler.ts';

// Its own file (type imports only), so a guide's memory worker can check the replay cache without the scheduler.

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

export const formatTotals = ({ count, sum, xor }: FingerprintTotals, options: SchedulerOptions): string =>
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
