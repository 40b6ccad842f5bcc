import { describe, expect, test } from 'vitest';
import type { DeckCard } from '../../src/lib/deck-schema.ts';

process.env['TZ'] = 'UTC';
const { makePlan } = await import('../../src/lib/plan/plan.ts');
const { planReport } = await import('../../src/lib/plan/plan-report.ts');
const { introductionFigure } = await import('../../src/lib/plan/plan-wording.ts');
const { parseInterviewInput } = await import('../../src/lib/plan/interview-input.ts');
const { interviewSchema, INTERVIEW_LIMITS } = await import('../../src/lib/review-log/interview-schema.ts');
const { DEFAULT_SETTINGS, settingsSchema } = await import('../../src/lib/review-log/schema.ts');
const { createScheduler } = await import('../../src/lib/srs/scheduler.ts');

// Issue 22: a far interview date broke the plan (year 2200: "Maximum call stack size exceeded";
// 9999: 39 s of work, then a failure; 9e15 from a file: "NaN new cards a day … Invalid Date"), and
// a margin longer than the days left named a day already past.

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 8, 10, 0);
const scheduler = createScheduler({ desiredRetention: 0.9, maximumInterval: 36500 });
const card = (id: string): DeckCard => ({
  id,
  noteId: id,
  kind: 'basic',
  front: `<p>Question ${id}</p>`,
  back: '<p>A</p>',
  concept: `/phases/x/#${id}`,
  concepts: [`/phases/x/#${id}`],
  conceptTitle: ['X', id],
  section: 'phases',
  tags: [],
  origin: 'authored',
  source: 'phases/x.mdx',
  hash: 'h',
});

describe('far interview dates', () => {
  test('the plan to a date 150,000 days ahead (year 2437) is worked out without overflowing the stack', () => {
    const plan = makePlan({
      scheduler,
      states: new Map(),
      cardIds: ['a'],
      now: NOW,
      interview: { at: NOW + 150_000 * DAY, marginDays: 3 },
      target: 0.9,
      secondsPerReview: 10,
      newPerDaySetting: 20,
    });
    expect(plan.daysLeft).toBe(150_000);
    expect(plan.days).toHaveLength(150_000);
    expect(Number.isFinite(plan.peakMinutes)).toBe(true);
  });

  test('the form takes a date up to 730 days ahead and refuses a later one, saying the bound', () => {
    expect(INTERVIEW_LIMITS.maxDaysAhead).toBe(730);
    const inTwoYears = new Date(NOW + 729 * DAY).toISOString().slice(0, 10);
    expect(parseInterviewInput({ date: inTwoYears, time: '', minutes: '', margin: '' }, NOW)).toMatchObject({
      ok: true,
    });
    for (const date of ['2029-01-01', '2200-01-01', '9999-12-31'])
      expect(parseInterviewInput({ date, time: '', minutes: '', margin: '' }, NOW)).toEqual({
        ok: false,
        message: 'The interview date is more than 2 years away: the plan works to a date at most 730 days ahead.',
      });
  });

  test('the schema bounds the date like every other time field: 9e15 (no Date) is refused', () => {
    expect(interviewSchema.safeParse({ at: 9e15, marginDays: 3 }).success).toBe(false);
    expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, interview: { at: 9e15, marginDays: 3 } }).success).toBe(
      false,
    );
    expect(interviewSchema.safeParse({ at: NOW + 30 * DAY, marginDays: 3 }).success).toBe(true);
  });

  test('a stored date beyond the bound (year 9999, from a file) gives no plan but says so, at once', () => {
    const started = performance.now();
    const report = planReport({
      cards: [card('a'), card('b')],
      entries: [],
      marks: [],
      settings: { ...DEFAULT_SETTINGS, interview: { at: Date.UTC(9999, 11, 31), marginDays: 3 } },
      now: NOW,
      withMap: true,
    });
    expect(report.interviewTooFar).toBe(true);
    expect(report.plan).toBeUndefined();
    expect(report.interviewPassed).toBe(false);
    // Generous for a busy machine: the old code simulated 2.9 million days (39 s in Chromium).
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('a margin longer than the days left', () => {
  test('an interview tomorrow with a 60-day margin: every card today, and why', () => {
    const plan = makePlan({
      scheduler,
      states: new Map(),
      cardIds: ['a', 'b', 'c'],
      now: NOW,
      interview: { at: NOW + DAY, marginDays: 60 },
      target: 0.9,
      secondsPerReview: 10,
      newPerDaySetting: 20,
    });
    expect(introductionFigure(plan, 60, (at) => new Date(at).toISOString().slice(0, 10))).toBe(
      'Introduce every card by today (3 new cards): the interview is in 1 day, less than the 60-day margin.',
    );
  });

  test('a margin that leaves days names the last of them', () => {
    const plan = makePlan({
      scheduler,
      states: new Map(),
      cardIds: ['a', 'b', 'c'],
      now: NOW,
      interview: { at: NOW + 10 * DAY, marginDays: 3 },
      target: 0.9,
      secondsPerReview: 10,
      newPerDaySetting: 20,
    });
    expect(introductionFigure(plan, 3, (at) => new Date(at).toISOString().slice(0, 10))).toBe(
      'Introduce 1 new card a day until 2026-12-15 (3 days before the interview).',
    );
  });
});
