import { describe, expect, test } from 'vitest';
import { createEmptyCard, default_w, forgetting_curve } from 'ts-fsrs';

process.env['TZ'] = 'UTC';
const { makePlan } = await import('../../src/lib/plan/plan.ts');
const { finalPass, interviewQueueStates, withFinalPass } = await import('../../src/lib/plan/final-pass.ts');
const { readiness, recallAt, weakestConcepts } = await import('../../src/lib/plan/readiness.ts');
const { replayLog } = await import('../../src/lib/srs/replay.ts');
const { buildQueue } = await import('../../src/lib/srs/queue.ts');
const { createScheduler, Rating, State } = await import('../../src/lib/srs/scheduler.ts');
const { sectionLabel } = await import('../../src/lib/sections.ts');
const { entry } = await import('../fixtures/review/entries.ts');

const DAY = 86_400_000;
const MIN = 60_000;
const NOW = Date.UTC(2026, 11, 1, 10, 0);
const scheduler = createScheduler({ desiredRetention: 0.9, maximumInterval: 36500 });
const ids = (n: number, prefix = 'card') =>
  Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);
const fresh = new Map();

function planFor(
  cardIds: string[],
  interview: { at: number; marginDays: number; minutesPerDay?: number },
  states = fresh,
) {
  return makePlan({
    scheduler,
    states,
    cardIds,
    now: NOW,
    interview,
    target: 0.9,
    secondsPerReview: 10,
    newPerDaySetting: 20,
  });
}

describe('the plan', () => {
  test('100 new cards, interview in 14 days, 3 days of margin: 9 new a day over 12 days', () => {
    const plan = planFor(ids(100), { at: NOW + 14 * DAY, marginDays: 3, minutesPerDay: 30 });
    expect(plan.daysLeft).toBe(14);
    expect(plan.introductionDays).toBe(12);
    expect(plan.newPerDay).toBe(9);
    expect(plan.days).toHaveLength(14);
    // Every card introduced by day 11 (14 − 3), none later.
    expect(plan.days.reduce((sum, d) => sum + d.newCards, 0)).toBe(100);
    expect(plan.days.slice(12).every((d) => d.newCards === 0)).toBe(true);
    // Day 0: 9 new cards, each Good twice (1 m and 10 m steps) to graduate.
    expect(plan.days[0]?.reviews).toBe(18);
    expect(plan.days[0]?.minutes).toBe(3);
    // Later days carry reviews of earlier cards on top of the new ones.
    expect(plan.days[5]?.reviews).toBeGreaterThan(18);
    expect(plan.verdict).toBe('on-track');
  });

  test('a busiest day above 80% of the minutes is tight; above them, not feasible with remedies that work', () => {
    const cards = ids(200);
    const loose = planFor(cards, { at: NOW + 14 * DAY, marginDays: 3 });
    const peak = loose.peakMinutes;
    expect(planFor(cards, { at: NOW + 14 * DAY, marginDays: 3, minutesPerDay: Math.ceil(peak / 0.85) }).verdict).toBe(
      'tight',
    );
    const short = planFor(cards, { at: NOW + 14 * DAY, marginDays: 3, minutesPerDay: 5 });
    expect(short.verdict).toBe('not-feasible');
    expect(short.reasons.join(' ')).toMatch(/busiest day needs \d+ minutes; you have 5/u);
    expect(short.remedies.minutes).toBe(Math.ceil(peak));
    const later = short.remedies.postponeDays ?? 0;
    expect(later).toBeGreaterThan(0);
    expect(planFor(cards, { at: NOW + (14 + later) * DAY, marginDays: 3, minutesPerDay: 5 }).verdict).not.toBe(
      'not-feasible',
    );
    expect(planFor(cards, { at: NOW + (13 + later) * DAY, marginDays: 3, minutesPerDay: 5 }).verdict).toBe(
      'not-feasible',
    );
  });

  test('needing more new cards a day than the setting makes the plan tight and says so', () => {
    const plan = planFor(ids(300), { at: NOW + 14 * DAY, marginDays: 3 });
    expect(plan.newPerDay).toBe(25);
    expect(plan.verdict).toBe('tight');
    expect(plan.remedies.newPerDay).toBe(25);
  });

  test('new cards left inside the margin: not feasible; a past date throws a clear error', () => {
    const plan = planFor(ids(10), { at: NOW + 2 * DAY, marginDays: 3 });
    expect(plan.verdict).toBe('not-feasible');
    expect(plan.reasons[0]).toMatch(/no day left to introduce them/u);
    // One day later, today is 3 days before it: enough to introduce all ten.
    expect(plan.remedies.postponeDays).toBe(1);
    expect(() => planFor(ids(10), { at: NOW - MIN, marginDays: 3 })).toThrow(/in the past/u);
  });

  test('leaving out the section with the most new cards is offered when it makes the plan fit', () => {
    const big = ids(150, 'big');
    const small = ids(20, 'small');
    const sectionOf = new Map([
      ...big.map((id) => [id, 'examples'] as const),
      ...small.map((id) => [id, 'phases'] as const),
    ]);
    const plan = makePlan({
      scheduler,
      states: fresh,
      cardIds: [...small, ...big],
      now: NOW,
      interview: { at: NOW + 14 * DAY, marginDays: 3, minutesPerDay: 5 },
      target: 0.9,
      secondsPerReview: 10,
      newPerDaySetting: 20,
      sectionOf,
    });
    expect(plan.verdict).toBe('not-feasible');
    expect(plan.remedies.dropSections).toEqual(['examples']);
  });
});

describe('readiness', () => {
  const log = [
    entry('a', Rating.Good, NOW - 20 * DAY),
    entry('a', Rating.Good, NOW - 20 * DAY + 10 * MIN),
    entry('b', Rating.Easy, NOW - 3 * DAY),
  ];
  const states = replayLog(scheduler, log);
  const cards = [
    {
      id: 'a',
      concept: '/phases/constraints/#latency',
      conceptTitle: ['Constraints', 'Latency'],
      section: 'phases' as const,
    },
    {
      id: 'b',
      concept: '/phases/constraints/#cost',
      conceptTitle: ['Constraints', 'Cost'],
      section: 'phases' as const,
    },
    { id: 'c', concept: '/archetypes/ranking/', conceptTitle: ['Ranking'], section: 'archetypes' as const },
  ];
  const interview = NOW + 10 * DAY + 5 * 3_600_000;

  test("predicted recall at the interview is ts-fsrs's forgetting curve over whole days since the last review", () => {
    for (const id of ['a', 'b']) {
      const card = states.get(id)?.card;
      if (!card?.last_review) throw new Error(`${id} was never reviewed`);
      const days = Math.floor((interview - card.last_review.getTime()) / DAY);
      expect(recallAt(scheduler, states.get(id), interview)).toBeCloseTo(
        forgetting_curve(default_w, days, card.stability),
        10,
      );
    }
    expect(recallAt(scheduler, undefined, interview)).toBe(0);
    // Recall decays: lower at the interview than now.
    expect(recallAt(scheduler, states.get('b'), interview)).toBeLessThan(recallAt(scheduler, states.get('b'), NOW));
  });

  test('aggregated per section, per page (a phase) and per concept; never-seen cards count 0; weakest studied first', () => {
    const result = readiness(scheduler, states, cards, interview, sectionLabel);
    const ra = recallAt(scheduler, states.get('a'), interview);
    const rb = recallAt(scheduler, states.get('b'), interview);
    expect(result.overall.recall).toBeCloseTo((ra + rb) / 3, 10);
    expect(result.sections.map((g) => [g.title, g.cards, g.studied])).toEqual([
      ['Phases', 2, 2],
      ['Archetypes', 1, 0],
    ]);
    expect(result.pages.find((g) => g.key === '/phases/constraints/')?.recall).toBeCloseTo((ra + rb) / 2, 10);
    // Studied concepts only, weakest first: a (seen 20 days ago) before b (3 days ago); c was never studied.
    expect(weakestConcepts(result, 5).map((g) => g.key)).toEqual([
      '/phases/constraints/#latency',
      '/phases/constraints/#cost',
    ]);
  });
});

describe('the final pass', () => {
  /** A review card last seen `ago` days before NOW with the given stability, due `dueIn` days from NOW. */
  function reviewCard(stability: number, ago: number, dueIn: number) {
    const card = {
      ...createEmptyCard(NOW - ago * DAY),
      state: State.Review,
      stability,
      difficulty: 5,
      reps: 3,
      last_review: new Date(NOW - ago * DAY),
      due: new Date(NOW + dueIn * DAY),
      scheduled_days: ago + dueIn,
    };
    return { card, lastHash: '0123456789abcdef', introducedAt: NOW - 60 * DAY, lastEntryAt: NOW - ago * DAY };
  }
  const interviewAt = NOW + 10 * DAY;
  const cardIds = ids(40);
  // 30 weak cards due after the interview (stabilities 5–34 days, seen 10 days ago, due in 20); 10 strong ones.
  const states = new Map(
    cardIds.map((id, i) => [id, i < 30 ? reviewCard(5 + i, 10, 20) : reviewCard(3000, 1, 400)] as const),
  );
  const input = { scheduler, states, cardIds, now: NOW, interviewAt, target: 0.9, marginDays: 3 };

  test('every card below target at the interview is due before it, spread over the last days', () => {
    const pass = finalPass(input);
    const weak = cardIds.filter((id) => recallAt(scheduler, states.get(id), interviewAt) < 0.9);
    // Stability under ~20 days (20 days elapsed at the interview): 15 of the 30.
    expect(weak.length).toBe(15);
    const scheduled = withFinalPass(states, pass);
    for (const id of weak) expect(scheduled.get(id)?.card.due.getTime()).toBeLessThan(interviewAt);
    // Strong cards are untouched.
    expect(scheduled.get('card-035')).toBe(states.get('card-035'));
    expect(pass.days).toEqual([7, 8, 9]);
    const perDay = pass.days.map((day) => pass.byDay.get(day)?.length ?? 0);
    expect(perDay.reduce((a, b) => a + b, 0)).toBe(weak.length);
    for (const count of perDay) expect(count).toBeLessThanOrEqual(Math.ceil(weak.length / 3));
    expect(perDay[2]).toBeLessThan(weak.length);
  });

  test('replayed through the days, each placed card is in that day’s queue, and after the interview nothing is moved', () => {
    const pass = finalPass(input);
    // Recomputed on day 7 from the same log, the pass puts the same cards on that day, and the queue shows them.
    const day7 = NOW + 7 * DAY;
    const queue = buildQueue({
      cardIds,
      states: withFinalPass(states, finalPass({ ...input, now: day7 })),
      now: day7,
      newPerDay: 0,
    });
    expect(pass.byDay.get(7)?.length).toBeGreaterThan(0);
    expect(queue.review.map((item) => item.cardId).sort()).toEqual([...(pass.byDay.get(7) ?? [])].sort());
    const after = finalPass({ ...input, now: interviewAt + MIN });
    expect(after.due.size).toBe(0);
    expect(withFinalPass(states, after)).toEqual(states);
  });
});

describe('the final pass in the review queue', () => {
  const log = [entry('a', Rating.Good, NOW - 30 * DAY), entry('a', Rating.Good, NOW - 30 * DAY + 10 * MIN)];
  const states = replayLog(scheduler, log);
  const settings = { newPerDay: 20, desiredRetention: 0.9, maximumInterval: 36500 };
  const cardA = states.get('a');
  // Card a was last seen 30 days ago with a 2-day stability: far below target at any future date.
  const interview = { at: NOW + 5 * DAY, marginDays: 3 };

  test('no interview, or one already past: the states as FSRS left them', () => {
    expect(interviewQueueStates(scheduler, states, ['a'], NOW, settings)).toBe(states);
    expect(interviewQueueStates(scheduler, states, ['a'], NOW + 6 * DAY, { ...settings, interview })).toBe(states);
  });

  test('an interview ahead: the final pass moves weak cards due after it to a day before it', () => {
    // A copy of a due a month away, as if its last review had scheduled it there.
    const far = new Map([
      [
        'a',
        {
          ...(cardA as NonNullable<typeof cardA>),
          card: { ...(cardA as NonNullable<typeof cardA>).card, due: new Date(NOW + 30 * DAY) },
        },
      ],
    ]);
    const moved = interviewQueueStates(scheduler, far, ['a'], NOW, { ...settings, interview });
    expect(moved.get('a')?.card.due.getTime()).toBeLessThan(interview.at);
    expect(far.get('a')?.card.due.getTime()).toBe(NOW + 30 * DAY);
  });
});
