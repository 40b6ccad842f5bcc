import { expect, test } from 'vitest';
import type { DeckCard } from '../../src/lib/deck-schema.ts';
import { finalPass } from '../../src/lib/plan/final-pass.ts';
import { readiness } from '../../src/lib/plan/readiness.ts';
import { cardMemories } from '../../src/lib/reading/card-memories.ts';
import { cardLevel } from '../../src/lib/reading/memory.ts';
import { DEFAULT_SETTINGS } from '../../src/lib/review-log/constants.ts';
import { buildCardRows, lastEntries } from '../../src/lib/review/card-rows.ts';
import { cardHolds } from '../../src/lib/srs/holds.ts';
import { replayLog } from '../../src/lib/srs/replay.ts';
import { createScheduler, Rating } from '../../src/lib/srs/scheduler.ts';
import { entry, HASH } from '../fixtures/review/entries.ts';
import { FITTED_W } from '../fixtures/srs/fitted.ts';

const T0 = Date.UTC(2026, 0, 5, 10);
const DAY = 86_400_000;
const fitted = { ...DEFAULT_SETTINGS, parameters: FITTED_W };
const log = [entry('a', Rating.Good, T0), entry('a', Rating.Good, T0 + 600_000), entry('a', Rating.Good, T0 + DAY)];
const card: DeckCard = {
  id: 'a',
  noteId: 'a',
  kind: 'basic',
  front: '<p>Q</p>',
  back: '<p>A</p>',
  concept: '/phases/x/#a',
  concepts: ['/phases/x/#a'],
  conceptTitle: ['X', 'a'],
  section: 'phases',
  tags: [],
  origin: 'authored',
  source: 'phases/x.mdx',
  hash: HASH,
};

test('with fitted weights (w[20] = 0.8) the overlay, the card browser, readiness and the final pass read one recall', () => {
  const scheduler = createScheduler(fitted);
  const states = replayLog(scheduler, log);
  // 60 days after the last review: the scheduler's curve says 66%, under the 70% the legend calls forgotten.
  const now = T0 + 61 * DAY;
  const recall = scheduler.retrievability(states.get('a')?.card ?? scheduler.emptyCard(now), now);
  expect(recall).toBe(0.66270992);

  const [memory] = cardMemories(log, states, ['a'], now, fitted);
  expect(memory?.retrievability).toBe(recall);
  expect(cardLevel(memory ?? null)).toBe('forgotten');

  const [row] = buildCardRows({
    cards: [card],
    states,
    last: lastEntries(log),
    holds: cardHolds([], now),
    scheduler,
    now,
    textOf: (html) => html,
  });
  expect(row?.retrievability).toBe(recall);

  const ready = readiness(scheduler, states, [card], now, () => 'Phases');
  expect(ready.overall.recall).toBe(recall);
  expect(ready.concepts[0]?.recall).toBe(recall);

  // The final pass takes the card only when its recall at the interview is below target: 66% < 67%, 66% ≥ 66%.
  const pass = (target: number) =>
    finalPass({ scheduler, states, cardIds: ['a'], now: now - DAY, interviewAt: now, target, marginDays: 3 });
  expect(pass(0.67).due.has('a')).toBe(true);
  expect(pass(0.66).due.has('a')).toBe(false);
});

test('the default decay would have said "fading" for the same card: the parameters matter', () => {
  const scheduler = createScheduler(fitted);
  const states = replayLog(scheduler, log);
  const now = T0 + 61 * DAY;
  const [withDefaults] = cardMemories(log, states, ['a'], now, DEFAULT_SETTINGS);
  expect(withDefaults?.retrievability).toBe(0.76497025);
  expect(cardLevel(withDefaults ?? null)).toBe('fading');
});
