import { describe, expect, test } from 'vitest';
import { readReviewParams } from '../../src/lib/review/review-params.ts';
import { cardKindLabel, describeSessionEnd } from '../../src/lib/review/session-wording.ts';
import type { Tally } from '../../src/lib/review/session.ts';
import { describeInterval } from '../../src/lib/srs/format.ts';

const T0 = new Date(2026, 0, 5, 10).getTime();

function tally(reviewed: number, byGrade: Tally['byGrade'] = { 1: 0, 2: 0, 3: reviewed, 4: 0 }): Tally {
  return { reviewed, byGrade, startedAt: T0 };
}

describe('readReviewParams', () => {
  test('reads the filter form and the focused-review link', () => {
    expect(readReviewParams('?section=phases&tag=latency&mode=cram&concepts=/a/%23x,/b/')).toEqual({
      filter: { section: 'phases', tag: 'latency' },
      cram: true,
      concepts: ['/a/#x', '/b/'],
      page: null,
    });
  });

  test('?page= is a guide (its "N cards here" link), kept apart from concepts', () => {
    expect(readReviewParams('?page=%2Fphases%2Fconstraints%2F')).toMatchObject({
      concepts: [],
      page: '/phases/constraints/',
    });
  });

  test('empty fields mean no filter, and any other mode is a normal review', () => {
    expect(readReviewParams('?section=&tag=&mode=other&concepts=,')).toEqual({
      filter: { section: null, tag: null },
      cram: false,
      concepts: [],
      page: null,
    });
  });
});

describe('session wording', () => {
  test('names each kind of card', () => {
    expect(['cram', 'new', 'learning', 'review'].map((kind) => cardKindLabel(kind as 'new'))).toEqual([
      'Card',
      'New card',
      'Learning card',
      'Review card',
    ]);
  });

  test('sums up a session in words, with one card in the singular', () => {
    const text = describeSessionEnd({
      tally: tally(1, { 1: 0, 2: 0, 3: 1, 4: 0 }),
      cram: false,
      now: T0 + 30_000,
      nextLearningIn: null,
    });
    expect(text).toBe(
      'You answered 1 card in about 1 min: Again 0, Hard 0, Good 1, Easy 0. Come back tomorrow (the day starts at 4 AM) for more, or cram a section above.',
    );
  });

  test('says when the next learning card is due instead of "come back tomorrow"', () => {
    const text = describeSessionEnd({
      tally: tally(12, { 1: 2, 2: 1, 3: 8, 4: 1 }),
      cram: false,
      now: T0 + 7 * 60_000,
      nextLearningIn: 10 * 60_000,
    });
    expect(text).toBe(
      'You answered 12 cards in about 7 min: Again 2, Hard 1, Good 8, Easy 1. A learning card is due in 10 minutes; it will appear here when it is due.',
    );
  });

  test('an empty session says why it is empty', () => {
    expect(describeSessionEnd({ tally: tally(0), cram: true, now: T0, nextLearningIn: null })).toBe(
      'No cards match this filter.',
    );
    expect(describeSessionEnd({ tally: tally(0), cram: false, now: T0, nextLearningIn: null })).toMatch(
      /^Nothing is due right now\. Come back tomorrow/u,
    );
  });
});

describe('describeInterval', () => {
  test('says one unit in the singular and more in the plural', () => {
    expect([1, 10].map((n) => describeInterval(n * 60_000))).toEqual(['1 minute', '10 minutes']);
    expect([1, 3].map((n) => describeInterval(n * 3_600_000))).toEqual(['1 hour', '3 hours']);
    expect([1, 4].map((n) => describeInterval(n * 86_400_000))).toEqual(['1 day', '4 days']);
  });
});
