import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { DeckCard } from '../../src/lib/deck-schema.ts';
import { ReadingGrader } from '../../src/lib/reading/reading-grader.ts';
import { DEFAULT_SETTINGS, RESET_RATING } from '../../src/lib/review-log/schema.ts';
import { planCardAction } from '../../src/lib/review/card-actions.ts';
import type { CardRow } from '../../src/lib/review/card-rows.ts';
import { ReviewSession } from '../../src/lib/review/session.ts';
import { cardHolds } from '../../src/lib/srs/holds.ts';
import { replayCard } from '../../src/lib/srs/replay.ts';
import { createScheduler, Rating, State } from '../../src/lib/srs/scheduler.ts';
import { openProgressDb } from '../../src/lib/store/db.ts';
import { MemoryProgressStore } from '../../src/lib/store/memory-store.ts';
import { openProgressLog, ProgressLog } from '../../src/lib/store/progress-log.ts';
import { IdbProgressStore } from '../../src/lib/store/progress-store.ts';
import type { ProgressStore } from '../../src/lib/store/progress-types.ts';
import { nextEntryAt, nextMarkAt } from '../../src/lib/store/stamps.ts';
import type { SyncMessage } from '../../src/lib/store/sync.ts';
import { entry, HASH, mark } from '../fixtures/review/entries.ts';

// The one write path (store/progress-log.ts) and each writer that goes through it: a write that
// fails is reported to the storage status and never answered "saved".

const T0 = new Date(2026, 0, 5, 10).getTime();
const MIN = 60_000;
const QUOTA = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

/** A store that claims to be IndexedDB, reads like an empty one and fails every write. */
function failingStore(): ProgressStore {
  const inner = new MemoryProgressStore();
  const fail = () => Promise.reject(QUOTA());
  return {
    persistent: true,
    load: () => inner.load(),
    loadSettings: () => inner.loadSettings(),
    loadVisits: () => inner.loadVisits(),
    loadVisitTimes: () => inner.loadVisitTimes(),
    loadMarks: () => inner.loadMarks(),
    entriesForCard: (id) => inner.entriesForCard(id),
    loadSnapshot: () => inner.loadSnapshot(),
    saveSnapshot: fail,
    append: fail,
    remove: fail,
    appendBatch: fail,
    removeBatch: fail,
    saveSettings: fail,
    importLog: fail,
  };
}

function card(id: string): DeckCard {
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
    hash: HASH,
  };
}

function row(id: string, overrides: Partial<CardRow> = {}): CardRow {
  return {
    id,
    front: id,
    concept: null,
    conceptTitle: '',
    section: null,
    tags: [],
    state: 'review',
    due: T0,
    stability: 1,
    retrievability: 0.9,
    lastRating: 3,
    lapses: 0,
    lastEntryAt: 0,
    hash: HASH,
    ...overrides,
  };
}

const notSavedStatus = { saved: false, problems: [expect.stringMatching(/Storage is full/)] };

describe('the write path', () => {
  test('a failed write is reported, carried on in memory with what the writer knows, and never "saved"', async () => {
    const sent: SyncMessage[] = [];
    const known = entry('k', Rating.Good, T0 - MIN);
    const log = new ProgressLog({
      store: failingStore(),
      broadcast: (m) => sent.push(m),
      known: () => ({ entries: [known], settings: { ...DEFAULT_SETTINGS }, marks: [] }),
    });
    const written = await log.append([entry('a', Rating.Good, T0)]);
    expect(written).toMatchObject({ result: 'added', saved: false });
    expect(log.health.status()).toMatchObject(notSavedStatus);
    expect(log.store.persistent).toBe(false);
    expect((await log.store.load()).entries.map((e) => e.cardId).sort()).toEqual(['a', 'k']);
    expect(sent).toEqual([expect.objectContaining({ type: 'appended' })]);
    // From then on every write lands in memory, and says so.
    expect(await log.writeBatch({ entries: [], marks: [mark('suspend', 'a', T0)] })).toMatchObject({ saved: false });
    expect(await log.saveSettings({ ...DEFAULT_SETTINGS, newPerDay: 3 })).toEqual({ saved: false });
  });

  test('with IndexedDB missing the log opens in memory, the status says so, and no write is "saved"', async () => {
    const saved = globalThis.indexedDB;
    Reflect.deleteProperty(globalThis, 'indexedDB');
    try {
      const log = await openProgressLog();
      expect(log.health.status().problems).toEqual([expect.stringMatching(/not letting the site store data/)]);
      expect(await log.append([entry('a', Rating.Good, T0)])).toMatchObject({ result: 'added', saved: false });
    } finally {
      globalThis.indexedDB = saved;
    }
  });

  test('writes that reach IndexedDB say saved, and the status comes back after a failure', async () => {
    const log = new ProgressLog({ store: new IdbProgressStore(await openProgressDb()) });
    log.health.record({ kind: 'opened' });
    log.health.record({ kind: 'read', unreadable: 0, unreadableCards: 0, invalid: 0 });
    expect(await log.append([entry('a', Rating.Good, T0)])).toMatchObject({ saved: true });
    expect(log.health.status().saved).toBe(true);
  });

  test('the stamp rules: after the card’s last entry; a switch after its latest switch; a burial as given', () => {
    expect(nextEntryAt([{ reviewedAt: T0 + 5 }], T0)).toBe(T0 + 6);
    expect(nextEntryAt([{ reviewedAt: T0 - 5 }], T0)).toBe(T0);
    expect(nextMarkAt('unsuspend', [mark('suspend', 'a', T0 + 4 * MIN)], T0)).toBe(T0 + 4 * MIN + 1);
    expect(nextMarkAt('bury', [mark('suspend', 'a', T0 + 4 * MIN)], T0)).toBe(T0);
  });
});

describe('every writer goes through it', () => {
  test('the review session: rating, undo, reset and settings each report a failed write', async () => {
    const session = new ReviewSession({
      cards: [card('a'), card('b')],
      store: failingStore(),
      entries: [],
      settings: { ...DEFAULT_SETTINGS },
      now: () => T0,
    });
    session.advance();
    expect(await session.rate(Rating.Good)).toBe('rated');
    expect(session.health.status()).toMatchObject(notSavedStatus);
    for (const fresh of ['undo', 'reset', 'settings'] as const) {
      const other = new ReviewSession({
        cards: [card('a')],
        store: failingStore(),
        entries: [entry('a', Rating.Good, T0 - MIN)],
        settings: { ...DEFAULT_SETTINGS },
        now: () => T0,
      });
      if (fresh === 'undo') {
        other.advance();
        await other.rate(Rating.Again).catch(() => {});
      }
      if (fresh === 'reset') await other.resetCard('a');
      if (fresh === 'settings') await other.updateSettings({ ...DEFAULT_SETTINGS, newPerDay: 5 });
      expect(other.health.status(), fresh).toMatchObject(notSavedStatus);
    }
  });

  test('the guide’s grader: a grade, a hold and their undo answer saved: false on a failing store', async () => {
    const log = new ProgressLog({ store: failingStore() });
    const grader = new ReadingGrader({ log, now: () => T0 });
    const result = await grader.grade(await grader.show([{ id: 'c1', hash: HASH }]), Rating.Good);
    expect(result).toMatchObject({ outcome: 'rated', saved: false });
    expect(log.health.status()).toMatchObject(notSavedStatus);
    expect(await grader.hold([{ id: 'c1', hash: HASH }], 'suspend')).toMatchObject({ saved: false });
    expect(await grader.undo(result.entries)).toEqual({ saved: false });
  });

  test('the guide’s grader with IndexedDB missing (its worker): nothing it says is "saved"', async () => {
    const saved = globalThis.indexedDB;
    Reflect.deleteProperty(globalThis, 'indexedDB');
    try {
      const grader = new ReadingGrader({ log: await openProgressLog(), now: () => T0 });
      const shown = await grader.show([{ id: 'c1', hash: HASH }]);
      expect(await grader.grade(shown, Rating.Good)).toMatchObject({ outcome: 'rated', saved: false });
      expect(await grader.hold([{ id: 'c2', hash: HASH }], 'suspend')).toMatchObject({ saved: false });
    } finally {
      globalThis.indexedDB = saved;
    }
  });

  test('the card browser’s batch and its undo report a failed write', async () => {
    const log = new ProgressLog({ store: failingStore() });
    const written = await log.writeBatch(planCardAction('suspend', [row('a'), row('b')], T0));
    expect(written.saved).toBe(false);
    expect(log.health.status()).toMatchObject(notSavedStatus);
    const other = new ProgressLog({ store: failingStore() });
    expect(await other.removeBatch(written.batch)).toEqual({ saved: false });
    expect(other.health.status()).toMatchObject(notSavedStatus);
  });

  test('an import that fails is reported and rethrown, never retried in memory', async () => {
    const log = new ProgressLog({ store: failingStore() });
    await expect(log.importLog([entry('a', Rating.Good, T0)], 'merge')).rejects.toThrow(/quota/u);
    expect(log.health.status()).toMatchObject(notSavedStatus);
    expect(log.store.persistent).toBe(true);
  });
});

describe('issue 22: the write defects', () => {
  let restore: (() => void) | null = null;
  afterEach(() => {
    restore?.();
    restore = null;
  });

  test('a cloze prompt is one batch: when the second card’s write fails, neither card is stored', async () => {
    const put = FakeObjectStore.prototype.put;
    // As a disk filling mid-write: the second card's write aborts its transaction.
    FakeObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      const request = put.call(this, value, key);
      if ((value as { cardId?: string }).cardId === 'z.c2') this.transaction.abort();
      return request;
    } as typeof put;
    restore = () => (FakeObjectStore.prototype.put = put);
    const db = await openProgressDb();
    const log = new ProgressLog({ store: new IdbProgressStore(db) });
    const grader = new ReadingGrader({ log, now: () => T0 });
    const cards = [
      { id: 'z.c1', hash: HASH },
      { id: 'z.c2', hash: HASH },
    ];
    const result = await grader.grade(await grader.show(cards), Rating.Good);
    expect(result).toMatchObject({ outcome: 'rated', saved: false });
    expect(await db.getAll('log')).toEqual([]);
    restore();
    restore = null;
    // Storage is back (a reload): the prompt is graded once, both cards at once.
    const again = new ReadingGrader({ log: new ProgressLog({ store: new IdbProgressStore(db) }), now: () => T0 + MIN });
    expect(await again.grade(await again.show(cards), Rating.Good)).toMatchObject({ outcome: 'rated', saved: true });
    expect((await db.getAll('log')).map((e) => e.cardId).sort()).toEqual(['z.c1', 'z.c2']);
  });

  test('a suspension dated a few minutes ahead is undone by an unsuspend made now (card browser, /review/)', async () => {
    const store = new IdbProgressStore(await openProgressDb());
    await store.appendBatch({ entries: [], marks: [mark('suspend', 'a', T0 + 4 * MIN)] });
    const log = new ProgressLog({ store });
    await log.writeBatch(planCardAction('unsuspend', [row('a', { state: 'suspended' })], T0));
    expect(cardHolds(await store.loadMarks(), T0 + 5 * MIN).suspended.has('a')).toBe(false);
  });

  test('a reset planned before another tab rated the card still resets it (dated at the write)', async () => {
    const store = new IdbProgressStore(await openProgressDb());
    await store.append(entry('a', Rating.Good, T0 - MIN));
    // Planned at the click, from the rows as they were.
    const planned = planCardAction('reset', [row('a', { lastEntryAt: T0 - MIN })], T0);
    // Meanwhile another tab rates the card.
    await store.append(entry('a', Rating.Good, T0 + 30_000));
    const { batch } = await new ProgressLog({ store }).writeBatch(planned);
    expect(batch.entries).toEqual([expect.objectContaining({ rating: RESET_RATING, reviewedAt: T0 + 30_001 })]);
    const state = replayCard(createScheduler(DEFAULT_SETTINGS), await store.entriesForCard('a'));
    expect(state?.card.state).toBe(State.New);
  });
});
