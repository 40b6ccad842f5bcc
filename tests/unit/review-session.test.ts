import { describe, expect, test } from 'vitest';
import type { DeckCard } from '../../src/lib/deck-schema.ts';
import { DEFAULT_SETTINGS, RESET_RATING, type ReviewEntry } from '../../src/lib/review-log/schema.ts';
import { ReviewSession } from '../../src/lib/review/session.ts';
import { logFingerprint, logFingerprintInSlices } from '../../src/lib/srs/replay-cache.ts';
import { Rating, State } from '../../src/lib/srs/scheduler.ts';
import { MemoryProgressStore } from '../../src/lib/store/memory-store.ts';
import type { ProgressStore } from '../../src/lib/store/progress-store.ts';
import type { SyncMessage } from '../../src/lib/store/sync.ts';
import { entry, HASH, mark, OTHER_HASH } from '../fixtures/review/entries.ts';

const T0 = new Date(2026, 0, 5, 10).getTime();

function card(id: string, hash = HASH): DeckCard {
  return {
    id,
    noteId: id,
    kind: 'basic',
    front: `<p>Q ${id}</p>`,
    back: `<p>A ${id}</p>`,
    concept: '/phases/constraints/#latency',
    concepts: ['/phases/constraints/#latency'],
    conceptTitle: ['Constraints', 'Latency'],
    section: 'phases',
    tags: [],
    origin: 'authored',
    source: 'phases/constraints.mdx',
    hash,
  };
}

function makeSession(
  options: {
    cards?: DeckCard[];
    store?: ProgressStore;
    cram?: boolean;
    messages?: SyncMessage[];
    entries?: ReviewEntry[];
  } = {},
) {
  let now = T0;
  const store = options.store ?? new MemoryProgressStore(options.entries);
  const session = new ReviewSession({
    cards: options.cards ?? [card('a'), card('b'), card('c')],
    store,
    entries: options.entries ?? [],
    settings: { ...DEFAULT_SETTINGS },
    cram: options.cram ?? false,
    now: () => now,
    broadcast: (message) => options.messages?.push(message),
  });
  return { session, store, tick: (ms: number) => (now += ms) };
}

describe('a review session', () => {
  test('shows new cards in deck order, labels the buttons with FSRS intervals and logs each rating', async () => {
    const messages: SyncMessage[] = [];
    const { session, store, tick } = makeSession({ messages });
    expect(session.advance()?.card.id).toBe('a');
    expect(session.previews().map((p) => p.label)).toEqual(['1m', '6m', '10m', expect.stringMatching(/^\d+d$/)]);
    tick(5000);
    expect(await session.rate(Rating.Good)).toBe('rated');
    expect(session.counts()).toEqual({ fresh: 2, learning: 1, review: 0, cram: 0 });
    expect(session.advance()?.card.id).toBe('b');
    const { entries } = await store.load();
    expect(entries).toMatchObject([{ cardId: 'a', rating: 3, reviewedAt: T0 + 5000, cardHash: HASH }]);
    expect(messages).toMatchObject([{ type: 'appended', entry: { cardId: 'a' } }]);
  });

  test('undo removes the last rating from the log and brings the card back', async () => {
    const { session, store, tick } = makeSession();
    session.advance();
    await session.rate(Rating.Easy);
    session.advance();
    tick(1000);
    await session.rate(Rating.Again);
    expect(session.canUndo).toBe(true);
    const back = await session.undo();
    expect(back?.card.id).toBe('b');
    expect((await store.load()).entries.map((e) => e.cardId)).toEqual(['a']);
    expect(session.states().get('b')).toBeUndefined();
    expect(session.tally.reviewed).toBe(1);
    await session.undo();
    expect((await store.load()).entries).toEqual([]);
    expect(await session.undo()).toBeNull();
  });

  test('a card rated in another tab after it was shown here is not rated twice', async () => {
    const store = new MemoryProgressStore();
    const tabA = makeSession({ store });
    const tabB = makeSession({ store });
    tabA.session.advance();
    tabB.session.advance();
    tabA.tick(1000);
    await tabA.session.rate(Rating.Good);
    tabB.tick(2000);
    expect(await tabB.session.rate(Rating.Easy)).toBe('already-rated');
    expect((await store.load()).entries).toHaveLength(1);
    // B now knows A's rating: a is in learning, not new.
    expect(tabB.session.states().get('a')?.card.state).toBe(State.Learning);
  });

  test('a broadcast from another tab moves this tab off a card rated there', async () => {
    const { session } = makeSession();
    session.advance();
    const remote = entry('a', Rating.Easy, T0 + 10);
    expect(await session.applyRemote({ type: 'appended', entry: remote })).toBe(true);
    expect(session.advance()?.card.id).toBe('b');
    expect(await session.applyRemote({ type: 'removed', id: remote.id, cardId: 'a' })).toBe(false);
    expect(session.states().get('a')).toBeUndefined();
  });

  test('an edited card is flagged, and resetting it makes it new while keeping its history', async () => {
    const store = new MemoryProgressStore([entry('a', Rating.Easy, T0 - 10 * 86_400_000, { cardHash: OTHER_HASH })]);
    const { entries } = await store.load();
    const session = new ReviewSession({
      cards: [card('a')],
      store,
      entries,
      settings: { ...DEFAULT_SETTINGS },
      now: () => T0,
    });
    expect(session.editedCards().map((c) => c.id)).toEqual(['a']);
    expect(session.advance()).toMatchObject({ card: { id: 'a' }, edited: true, kind: 'review' });
    await session.resetCard('a');
    expect(session.editedCards()).toEqual([]);
    expect(session.states().get('a')?.card.state).toBe(State.New);
    expect((await store.load()).entries).toHaveLength(2);
  });

  test('cram goes through every card, sends Again to the back and writes nothing', async () => {
    const { session, store } = makeSession({ cram: true });
    const seen: string[] = [];
    for (const grade of [Rating.Again, Rating.Good, Rating.Good, Rating.Good] as const) {
      const current = session.advance();
      if (current) seen.push(current.card.id);
      await session.rate(grade);
    }
    expect(seen).toEqual(['a', 'b', 'c', 'a']);
    expect(session.advance()).toBeNull();
    expect((await store.load()).entries).toEqual([]);
    expect(session.previews()).toEqual([]);
  });

  test('when storage fails mid-session, reviews continue in memory and the problem is reported', async () => {
    const failing = new MemoryProgressStore();
    const broken: ProgressStore = Object.assign(Object.create(failing) as ProgressStore, {
      persistent: true,
      appendBatch: () => Promise.reject(new DOMException('full', 'QuotaExceededError')),
    });
    const { session } = makeSession({ store: broken });
    session.advance();
    expect(await session.rate(Rating.Good)).toBe('rated');
    expect(session.health.status()).toMatchObject({
      saved: false,
      problems: [expect.stringMatching(/Storage is full/)],
    });
    expect(session.store.persistent).toBe(false);
    expect((await session.store.load()).entries).toHaveLength(1);
  });

  test('changing the desired retention replays the log with the new parameters', async () => {
    const { session, tick } = makeSession({ cards: [card('a')] });
    session.advance();
    await session.rate(Rating.Good);
    tick(10 * 60_000);
    session.advance();
    await session.rate(Rating.Good);
    tick(2 * 86_400_000);
    session.advance();
    expect(session.previews().map((p) => p.label)).toEqual(['10m', '7d', '10d', '17d']);
    await session.updateSettings({ ...DEFAULT_SETTINGS, desiredRetention: 0.97 });
    expect(session.previews().map((p) => p.label)).toEqual(['10m', '2d', '3d', '4d']);
  });
});

describe('reloading after an import', () => {
  test('adopts the settings the import stored and the log it wrote, in one reload', async () => {
    const { session, store } = makeSession();
    const imported = { ...DEFAULT_SETTINGS, desiredRetention: 0.8, maximumInterval: 90 };
    await store.importLog([entry('a', Rating.Good, T0 - 86_400_000)], 'replace', imported);
    await session.applyRemote({ type: 'reload' });
    expect(session.settings).toEqual(imported);
    expect(session.states().get('a')?.card.reps).toBe(1);
  });

  test('the fingerprint computed in slices equals the one computed at once, whatever the slice size', async () => {
    const entries = Array.from({ length: 1_001 }, (_, i) => entry(`c${i % 37}`, Rating.Good, T0 + i * 1_000));
    const expected = logFingerprint(entries, DEFAULT_SETTINGS);
    for (const slice of [1, 100, 1_000, 5_000]) {
      expect(await logFingerprintInSlices(entries, DEFAULT_SETTINGS, slice)).toBe(expected);
    }
    expect(await logFingerprintInSlices(entries.slice(1), DEFAULT_SETTINGS, 100)).not.toBe(expected);
  });
});

describe('entries dated ahead of this clock never lock a card', () => {
  test('a stored reset one hour ahead: Good is accepted, logged after it, and the card moves on', async () => {
    const ahead = entry('a', RESET_RATING, T0 + 3_600_000);
    const { session, store } = makeSession({ cards: [card('a'), card('b')], entries: [ahead] });
    expect(session.advance()?.card.id).toBe('a');
    expect(await session.rate(Rating.Good)).toBe('rated');
    const stored = (await store.load()).entries.filter((e) => e.cardId === 'a');
    expect(stored.map((e) => e.rating).sort()).toEqual([RESET_RATING, Rating.Good]);
    expect(stored.find((e) => e.rating === Rating.Good)?.reviewedAt).toBe(T0 + 3_600_001);
    expect(session.states().get('a')?.card.state).toBe(State.Learning);
    expect(session.advance()?.card.id).toBe('b');
  });

  test('a card whose schedule is not a date gives no wait time (no redraw loop)', () => {
    const { session } = makeSession({ cards: [card('a')], entries: [entry('a', 1, 8.7e15)] });
    expect(session.nextLearningIn()).toBeNull();
  });

  test('resetting the card on screen and then rating it is not mistaken for another tab’s answer', async () => {
    const { session } = makeSession({ cards: [card('a')] });
    session.advance();
    await session.resetCard('a');
    expect(await session.rate(Rating.Good)).toBe('rated');
  });
});

test('suspended and buried cards are skipped until unsuspended, or until the next study day', () => {
  let now = T0;
  const suspendA = mark('suspend', 'a', T0 - 1000);
  const buryB = mark('bury', 'b', T0 - 1000);
  const session = new ReviewSession({
    cards: [card('a'), card('b'), card('c')],
    store: new MemoryProgressStore(),
    entries: [],
    marks: [suspendA, buryB],
    settings: { ...DEFAULT_SETTINGS },
    now: () => now,
  });
  expect(session.counts().fresh).toBe(1);
  expect(session.advance()?.card.id).toBe('c');
  session.setMarks([suspendA, buryB, mark('unsuspend', 'a', T0)]);
  expect(session.queue().fresh.map((item) => item.cardId)).toEqual(['a', 'c']);
  // The next day (past 4 AM) the burial has ended; the suspension was lifted.
  now = T0 + 86_400_000;
  expect(session.queue().fresh.map((item) => item.cardId)).toEqual(['a', 'b', 'c']);
});

test('cram leaves out held cards too', () => {
  const session = new ReviewSession({
    cards: [card('a'), card('b')],
    store: new MemoryProgressStore(),
    entries: [],
    marks: [mark('suspend', 'a', T0 - 1)],
    settings: { ...DEFAULT_SETTINGS },
    cram: true,
    now: () => T0,
  });
  expect(session.counts().cram).toBe(1);
  expect(session.advance()?.card.id).toBe('b');
});

test('cram: a suspension undone puts the card back first', () => {
  const session = new ReviewSession({
    cards: [card('a'), card('b'), card('c')],
    store: new MemoryProgressStore(),
    entries: [],
    settings: { ...DEFAULT_SETTINGS },
    cram: true,
    now: () => T0,
  });
  expect(session.advance()?.card.id).toBe('a');
  const suspend = mark('suspend', 'a', T0);
  expect(session.applyMarks([suspend], [])).toBe(true);
  expect(session.counts().cram).toBe(2);
  expect(session.advance()?.card.id).toBe('b');
  session.applyMarks([], [suspend.id]);
  expect(session.counts().cram).toBe(3);
  expect(session.advance()?.card.id).toBe('a');
});

describe('queue states (the interview final pass hook)', () => {
  test('the queue is built from the transformed states; rating still uses the real ones', async () => {
    const { session } = makeSession({
      entries: [entry('a', Rating.Good, T0 - 86_400_000), entry('a', Rating.Good, T0 - 86_400_000 + 600_000)],
    });
    expect(session.queue().review).toEqual([]);
    session.useQueueStates((_scheduler, states) => {
      const a = states.get('a');
      return a ? new Map([...states, ['a', { ...a, card: { ...a.card, due: new Date(T0 - 1) } }]]) : states;
    });
    expect(session.queue().review.map((item) => item.cardId)).toEqual(['a']);
    session.useQueueStates(null);
    expect(session.queue().review).toEqual([]);
  });
});
