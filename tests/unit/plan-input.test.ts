import { describe, expect, test } from 'vitest';
import { default_w } from 'ts-fsrs';

process.env['TZ'] = 'UTC';
const { parseInterviewInput } = await import('../../src/lib/plan/interview-input.ts');
const { reviewPace, FALLBACK_SECONDS } = await import('../../src/lib/plan/review-pace.ts');
const { settingsSchema, DEFAULT_SETTINGS } = await import('../../src/lib/review-log/schema.ts');
const { createScheduler, Rating } = await import('../../src/lib/srs/scheduler.ts');
const { entry } = await import('../fixtures/review/entries.ts');

const NOW = Date.UTC(2026, 11, 1, 10, 0);
const form = { date: '2026-12-15', time: '09:30', minutes: '', margin: '' };

describe('interview form', () => {
  test('a valid date becomes a local instant with the default 3-day margin', () => {
    expect(parseInterviewInput(form, NOW)).toEqual({
      ok: true,
      interview: { at: Date.UTC(2026, 11, 15, 9, 30), marginDays: 3 },
    });
    const withMinutes = parseInterviewInput({ ...form, time: '', minutes: '45', margin: '5' }, NOW);
    expect(withMinutes).toEqual({
      ok: true,
      interview: { at: Date.UTC(2026, 11, 15, 9, 0), minutesPerDay: 45, marginDays: 5 },
    });
  });

  test.each([
    [{ date: '2026-11-30' }, /in the past/u],
    [{ date: '2026-12-01', time: '09:59' }, /in the past/u],
    [{ date: '2026-02-31' }, /real calendar date/u],
    [{ date: 'next tuesday' }, /real calendar date/u],
    [{ time: '25:00' }, /real calendar date/u],
    [{ minutes: '0' }, /Minutes a day is a whole number from 1/u],
    [{ minutes: '1.5' }, /Minutes a day/u],
    [{ margin: '-1' }, /Days of margin/u],
    [{ margin: '61' }, /Days of margin/u],
  ])('%o is refused with a clear message', (change, message) => {
    const result = parseInterviewInput({ ...form, ...change }, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('settings carry the interview and fitted parameters', () => {
  test('settings without them (older files) still parse; with them they round-trip', () => {
    expect(settingsSchema.safeParse(DEFAULT_SETTINGS).success).toBe(true);
    const full = { ...DEFAULT_SETTINGS, interview: { at: NOW, marginDays: 3 }, parameters: [...default_w] };
    expect(settingsSchema.parse(full)).toEqual(full);
  });

  test('a parameter list of the wrong length or an unknown field is refused', () => {
    expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, parameters: default_w.slice(0, 19) }).success).toBe(false);
    expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, interview: { at: NOW, marginDays: 3, x: 1 } }).success).toBe(
      false,
    );
  });

  test('the scheduler uses fitted parameters: a larger initial Good stability lengthens the first interval', () => {
    const base = createScheduler(DEFAULT_SETTINGS);
    const fitted = default_w.map((w, i) => (i === 2 ? w * 4 : w));
    const tuned = createScheduler({ ...DEFAULT_SETTINGS, parameters: fitted });
    const rate = (s: typeof base) => s.rate('a', s.emptyCard(NOW), NOW, Rating.Good).stability;
    expect(rate(tuned)).toBeCloseTo(rate(base) * 4, 3);
    expect(
      createScheduler({ ...DEFAULT_SETTINGS, parameters: [...default_w] }).rate('a', base.emptyCard(NOW), NOW, 3),
    ).toEqual(base.rate('a', base.emptyCard(NOW), NOW, Rating.Good));
  });
});

describe('review pace', () => {
  test('median gap within sittings, breaks over 5 minutes and resets left out', () => {
    const log = [];
    let t = NOW;
    let last = NOW;
    // Three sittings an hour apart; gaps of 6 s and 9 s, plus a 4-minute pause that still counts.
    for (let sitting = 0; sitting < 3; sitting++) {
      for (let i = 0; i < 10; i++) {
        log.push(entry(`c${sitting}-${i}`, Rating.Good, t));
        last = t;
        t += i % 2 === 0 ? 6_000 : 9_000;
      }
      t += 3_600_000;
    }
    // A reset is not a review; a 4-minute pause after the last sitting still counts as one.
    log.push(entry('reset', 0, last + 1_000));
    log.push(entry('slow', Rating.Good, last + 240_000));
    const pace = reviewPace(log);
    expect(pace.fromLog).toBe(true);
    // 27 gaps within sittings (15 × 6 s, 12 × 9 s) plus the 4-minute one; the hour-long breaks are out.
    // The median is 6 s; a mean would be 14 s, dragged up by the single pause.
    expect(pace.measured).toBe(28);
    expect(pace.seconds).toBe(6);
  });

  test('too few gaps: the fallback, said as such', () => {
    const log = [entry('a', Rating.Good, NOW), entry('b', Rating.Good, NOW + 5_000)];
    expect(reviewPace(log)).toEqual({ seconds: FALLBACK_SECONDS, measured: 0, fromLog: false });
  });
});
