import { expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/lib/review-log/schema.ts';
import { CramQueue } from '../../src/lib/review/cram-queue.ts';
import { LogIndex } from '../../src/lib/review/log-index.ts';
import { createScheduler, Rating } from '../../src/lib/srs/scheduler.ts';
import { entry } from '../fixtures/review/entries.ts';

const T0 = new Date(2026, 0, 5, 10).getTime();
const scheduler = createScheduler(DEFAULT_SETTINGS);

test('the session’s log index keeps each card’s entries and state as entries come and go', async () => {
  const a1 = entry('a', Rating.Good, T0);
  const b1 = entry('b', Rating.Easy, T0 + 1);
  const index = await LogIndex.inSlices([a1, b1], new Map());
  expect(index.ofCard('a')).toEqual([a1]);
  const a2 = entry('a', Rating.Good, T0 + 10 * 60_000);
  index.remember(a2, scheduler);
  expect(index.ofCard('a')).toEqual([a1, a2]);
  expect(index.states.get('a')?.lastEntryAt).toBe(a2.reviewedAt);
  // An older entry from another device replays the card from its own entries.
  index.remember(entry('a', Rating.Again, T0 - 1), scheduler);
  expect(index.ofCard('a')).toHaveLength(3);
  index.forget(a2, scheduler);
  expect(index.ofCard('a').map((e) => e.id)).not.toContain(a2.id);
  index.forget(b1, scheduler);
  expect(index.ofCard('b')).toEqual([]);
  expect(index.states.has('b')).toBe(false);
  expect(index.all()).toHaveLength(2);
});

test('cram: Again goes to the back, undo brings the card back on top, a freed card comes first once', () => {
  const cram = new CramQueue(['a', 'b', 'c']);
  cram.answered('a', true);
  expect(cram.next).toBe('b');
  expect(cram.undo()).toBe('a');
  expect(cram.next).toBe('a');
  expect(cram.length).toBe(3);
  cram.hold(new Set(['b']), []);
  expect(cram.length).toBe(2);
  cram.hold(new Set(), ['b']);
  expect(cram.next).toBe('b');
  cram.hold(new Set(), ['b']);
  expect(cram.length).toBe(3);
});
