import { describe, expect, test } from 'vitest';
import { fsrs, StrategyMode, createEmptyCard } from 'ts-fsrs';
import { createScheduler, GRADES, Rating, State, type Card } from '../../src/lib/srs/scheduler.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 10, 0, 0);
const defaults = { desiredRetention: 0.9, maximumInterval: 36500 };

function minutesUntil(card: Card, now: number): number {
  return (card.due.getTime() - now) / MINUTE;
}

describe('scheduler (FSRS-6, fuzz on, steps 1m 10m / 10m)', () => {
  test('a new card: Again 1m, Hard 6m, Good 10m, Easy 6 days', () => {
    const s = createScheduler(defaults);
    const preview = s.preview('card-a', s.emptyCard(T0), T0);
    expect(GRADES.map((g) => minutesUntil(preview[g], T0))).toEqual([1, 6, 10, 6 * 24 * 60]);
    expect(preview[Rating.Easy].state).toBe(State.Review);
    expect(preview[Rating.Good].state).toBe(State.Learning);
  });

  test('Good, Good graduates to 2 days; the next review offers 0 / 7 / 10 / 17 days', () => {
    const s = createScheduler(defaults);
    let card = s.rate('card-a', s.emptyCard(T0), T0, Rating.Good);
    card = s.rate('card-a', card, T0 + 10 * MINUTE, Rating.Good);
    expect(card.state).toBe(State.Review);
    expect(card.scheduled_days).toBe(2);
    expect(card.stability).toBeCloseTo(2.3065, 4);
    expect(card.due.getTime()).toBe(T0 + 10 * MINUTE + 2 * DAY);
    const at = card.due.getTime();
    const preview = s.preview('card-a', card, at);
    expect(GRADES.map((g) => preview[g].scheduled_days)).toEqual([0, 7, 10, 17]);
    expect(minutesUntil(preview[Rating.Again], at)).toBe(10);
  });

  test('desired retention and maximum interval change the intervals', () => {
    const base = createScheduler(defaults);
    let card = base.rate('card-a', base.emptyCard(T0), T0, Rating.Good);
    card = base.rate('card-a', card, T0 + 10 * MINUTE, Rating.Good);
    const at = card.due.getTime();
    const strict = createScheduler({ desiredRetention: 0.97, maximumInterval: 36500 }).preview('card-a', card, at);
    expect(GRADES.map((g) => strict[g].scheduled_days)).toEqual([0, 2, 3, 4]);
    // ts-fsrs keeps Hard < Good < Easy apart even when that passes a tiny maximum.
    const capped = createScheduler({ desiredRetention: 0.8, maximumInterval: 3 }).preview('card-a', card, at);
    expect(GRADES.map((g) => capped[g].scheduled_days)).toEqual([0, 3, 4, 5]);
  });

  test('the interval shown is the interval scheduled, however long the user takes to answer', () => {
    const s = createScheduler(defaults);
    let card = s.rate('card-b', s.emptyCard(T0), T0, Rating.Easy);
    const shownAt = card.due.getTime() + 3 * DAY;
    const preview = s.preview('card-b', card, shownAt);
    card = s.rate('card-b', card, shownAt + 47_000, Rating.Good);
    expect(card.scheduled_days).toBe(preview[Rating.Good].scheduled_days);
  });

  test('matches ts-fsrs called directly with the same parameters and seed, over a long random history', () => {
    const s = createScheduler(defaults);
    const direct = fsrs({
      request_retention: 0.9,
      maximum_interval: 36500,
      enable_fuzz: true,
      learning_steps: ['1m', '10m'],
      relearning_steps: ['10m'],
    }).useStrategy(StrategyMode.SEED, function () {
      return `card-c:${this['current'].reps}`;
    });
    let ours = s.emptyCard(T0);
    let theirs = createEmptyCard(T0);
    let now = T0;
    let seed = 7;
    for (let i = 0; i < 200; i++) {
      seed = (seed * 48271) % 2147483647;
      const grade = GRADES[seed % 4] ?? Rating.Good;
      ours = s.rate('card-c', ours, now, grade);
      theirs = direct.next(theirs, now, grade).card;
      expect(ours.due.getTime()).toBe(theirs.due.getTime());
      expect(ours.stability).toBe(theirs.stability);
      now = ours.due.getTime() + (seed % 3) * DAY;
    }
  });

  test('retrievability is 0 for a new card and ~0.9 when a review card falls due', () => {
    const s = createScheduler(defaults);
    expect(s.retrievability(s.emptyCard(T0), T0)).toBe(0);
    const card = s.rate('card-d', s.emptyCard(T0), T0, Rating.Easy);
    const r = s.retrievability(card, T0 + card.stability * DAY);
    expect(r).toBeCloseTo(0.9, 2);
  });
});
