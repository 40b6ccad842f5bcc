import type { MarkEntry } from '../review-log/schema.ts';
import { studyDayStart } from './day.ts';

/** Cards kept out of the review now, and why. */
export interface CardHolds {
  /** The card's latest suspend/unsuspend mark is a suspension. */
  suspended: Set<string>;
  /** Buried during the current study day: back at the next 4 AM rollover. */
  buried: Set<string>;
}

/** Mark order: by time, ties broken by id, so every device reads the same latest mark. */
function later(a: MarkEntry, b: MarkEntry): boolean {
  return a.at > b.at || (a.at === b.at && a.id > b.id);
}

/**
 * What a set of marks means at `now`. A pure function of the set (any order,
 * duplicates harmless), so it agrees with itself after any merge. A burial
 * lasts until the first rollover after it was made.
 */
export function cardHolds(marks: Iterable<MarkEntry>, now: number): CardHolds {
  const latestSwitch = new Map<string, MarkEntry>();
  const buried = new Set<string>();
  for (const mark of marks) {
    if (mark.kind === 'bury') {
      if (mark.at <= now && now < studyDayStart(mark.at, 1)) buried.add(mark.cardId);
      continue;
    }
    const current = latestSwitch.get(mark.cardId);
    if (!current || later(mark, current)) latestSwitch.set(mark.cardId, mark);
  }
  const suspended = new Set<string>();
  for (const [cardId, mark] of latestSwitch) if (mark.kind === 'suspend') suspended.add(cardId);
  return { suspended, buried };
}

/** Every card held out of today's review, suspended or buried (`buildQueue`'s `held`). */
export function heldCardIds(holds: CardHolds): Set<string> {
  return new Set([...holds.suspended, ...holds.buried]);
}
