import { expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/lib/review-log/schema.ts';
import { ReadingGrader } from '../../src/lib/reading/reading-grader.ts';
import { ReviewSession } from '../../src/lib/review/session.ts';
import { restoreOrReplay, type ReplaySnapshot } from '../../src/lib/srs/replay-cache.ts';
import { createScheduler, Rating } from '../../src/lib/srs/scheduler.ts';
import { MemoryProgressStore } from '../../src/lib/store/memory-store.ts';
import { ProgressLog } from '../../src/lib/store/progress-log.ts';
import type { SyncMessage } from '../../src/lib/store/sync.ts';
import { HASH } from '../fixtures/review/entries.ts';
import type { DeckCard } from '../../src/lib/deck-schema.ts';

const T0 = Date.UTC(2026, 0, 5, 10);
const MIN = 60_000;

function setup() {
  let now = T0;
  const store = new MemoryProgressStore();
  const sent: SyncMessage[] = [];
  const log = new ProgressLog({ store, broadcast: (m) => sent.push(m) });
  const grader = new ReadingGrader({ log, now: () => now });
  return { store, sent, grader, advance: (ms: number) => (now += ms), now: () => now };
}

test('a grade in a guide is a review entry marked as made while reading, and other tabs hear of it', async () => {
  const { store, sent, grader, advance } = setup();
  const shown = await grader.show([{ id: 'c1', hash: HASH }]);
  advance(5000);
  const result = await grader.grade(shown, Rating.Good);
  expect(result).toMatchObject({ outcome: 'rated', nextDue: T0 + 5000 + 10 * MIN });
  const { entries } = await store.load();
  expect(entries).toEqual([
    expect.objectContaining({ cardId: 'c1', rating: 3, source: 'reading', reviewedAt: T0 + 5000 }),
  ]);
  expect(sent).toEqual([{ type: 'appended', entry: entries[0] }]);
});

test('a cloze prompt rates each of its deletion groups', async () => {
  const { store, grader } = setup();
  const shown = await grader.show([
    { id: 'z.c1', hash: HASH },
    { id: 'z.c2', hash: HASH },
  ]);
  await grader.grade(shown, Rating.Again);
  const { entries } = await store.load();
  expect(entries.map((e) => [e.cardId, e.rating])).toEqual([
    ['z.c1', 1],
    ['z.c2', 1],
  ]);
});

test('undo takes the entries back out of the log and tells other tabs', async () => {
  const { store, sent, grader } = setup();
  const result = await grader.grade(await grader.show([{ id: 'c1', hash: HASH }]), Rating.Again);
  await grader.undo(result.entries);
  expect((await store.load()).entries).toEqual([]);
  expect(sent.at(-1)).toMatchObject({ type: 'removed', cardId: 'c1' });
});

test('a card answered in another tab after it was revealed here is not rated twice', async () => {
  const { store, grader, advance } = setup();
  const shown = await grader.show([{ id: 'c1', hash: HASH }]);
  advance(1000);
  await store.append({ id: 'other-tab-1', cardId: 'c1', rating: 3, reviewedAt: T0 + 500, cardHash: HASH });
  expect(await grader.grade(shown, Rating.Good)).toMatchObject({ outcome: 'already-rated' });
  expect((await store.load()).entries).toHaveLength(1);
});

test('/review/ sees a card graded in a guide as learning, not new, scheduled as if rated there', async () => {
  const { store, grader, now } = setup();
  await grader.grade(await grader.show([{ id: 'c1', hash: HASH }]), Rating.Good);
  const card = { id: 'c1', hash: HASH, concept: '/a/#x' } as DeckCard;
  const other = { id: 'c2', hash: HASH, concept: '/a/#x' } as DeckCard;
  const { entries, settings } = await store.load();
  const session = new ReviewSession({ cards: [card, other], store, entries, settings, now });
  const queue = session.queue();
  expect(queue.learning.map((i) => i.cardId)).toEqual(['c1']);
  expect(queue.fresh.map((i) => i.cardId)).toEqual(['c2']);
});

test('the replay it saves is the one /review/ and the overlay accept for this log', async () => {
  const { store, grader } = setup();
  await grader.grade(await grader.show([{ id: 'c1', hash: HASH }]), Rating.Good);
  let saved: ReplaySnapshot | undefined;
  Object.assign(store, {
    saveSnapshot: async (snapshot: ReplaySnapshot) => {
      saved = snapshot;
    },
  });
  await grader.saveReplay();
  const { entries } = await store.load();
  const restored = restoreOrReplay(createScheduler(DEFAULT_SETTINGS), entries, DEFAULT_SETTINGS, saved);
  expect(restored.reused).toBe(true);
  expect(restored.states.get('c1')?.card.state).toBe(1);
});

test('suspending a prompt from the guide marks each of its cards once, tells other tabs, and undo removes exactly those', async () => {
  const { store, sent, grader, advance } = setup();
  const cards = [
    { id: 'z.c1', hash: HASH },
    { id: 'z.c2', hash: HASH },
  ];
  // One group already suspended elsewhere: only the other gets a mark.
  await store.appendBatch({ entries: [], marks: [{ id: 'mark-elsewhere', kind: 'suspend', cardId: 'z.c1', at: T0 }] });
  expect(await grader.suspended(cards)).toBe(true);
  const { marks } = await grader.hold(cards, 'suspend');
  expect(marks).toEqual([expect.objectContaining({ kind: 'suspend', cardId: 'z.c2' })]);
  expect(sent).toEqual([{ type: 'marks', added: marks, removed: [] }]);
  expect((await grader.hold(cards, 'suspend')).marks).toEqual([]);
  await grader.unhold(marks);
  expect((await store.loadMarks()).map((m) => m.id)).toEqual(['mark-elsewhere']);
  expect(sent.at(-1)).toEqual({ type: 'marks', added: [], removed: marks.map((m) => m.id) });

  // Unsuspend in the same millisecond as the suspension still reads as the latest mark.
  const { marks: unsuspended } = await grader.hold(cards, 'unsuspend');
  expect(unsuspended).toEqual([expect.objectContaining({ cardId: 'z.c1', at: T0 + 1 })]);
  expect(await grader.suspended(cards)).toBe(false);

  // A burial holds the cards for today only; burying again the same day adds nothing.
  const { marks: buried } = await grader.hold(cards, 'bury');
  expect(buried.map((m) => m.cardId)).toEqual(['z.c1', 'z.c2']);
  expect((await grader.hold(cards, 'bury')).marks).toEqual([]);
  advance(24 * 60 * MIN);
  expect((await grader.hold(cards, 'bury')).marks).toHaveLength(2);
});
