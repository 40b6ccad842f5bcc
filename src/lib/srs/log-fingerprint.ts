import type { ReviewEntry } from '../progress/schema.ts';
import type { SchedulerOptions } from './scheduler.ts';

// Its own file (type imports only), so a guide's memory overlay can check the replay cache without the scheduler.

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
