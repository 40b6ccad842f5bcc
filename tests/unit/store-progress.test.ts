import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/lib/review-log/schema.ts';
import { applyMigrations, DB_NAME, MIGRATIONS, openProgressDb, type Migration } from '../../src/lib/store/db.ts';
import { MemoryProgressStore } from '../../src/lib/store/memory-store.ts';
import { IdbProgressStore, openProgressStore } from '../../src/lib/store/progress-store.ts';
import { entry, mark } from '../fixtures/review/entries.ts';

const T0 = Date.UTC(2026, 0, 5, 10);

beforeEach(() => {
  // A fresh, empty IndexedDB for every test.
  globalThis.indexedDB = new IDBFactory();
});

async function freshStore(): Promise<IdbProgressStore> {
  return new IdbProgressStore(await openProgressDb());
}

test('appends, loads and removes log entries; settings default until saved', async () => {
  const store = await freshStore();
  const a = entry('a', 3, T0);
  const b = entry('b', 1, T0 + 1);
  expect(await store.append(a)).toBe('added');
  expect(await store.append(b)).toBe('added');
  let loaded = await store.load();
  expect(loaded.entries.map((e) => e.id).sort()).toEqual([a.id, b.id].sort());
  expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
  await store.remove(a.id);
  await store.saveSettings({ newPerDay: 5, desiredRetention: 0.85, maximumInterval: 365 });
  loaded = await store.load();
  expect(loaded.entries).toEqual([b]);
  expect(loaded.settings).toEqual({ newPerDay: 5, desiredRetention: 0.85, maximumInterval: 365 });
  expect(await store.entriesForCard('b')).toEqual([b]);
});

test('the append guard refuses a rating when the card was rated after it was shown (two tabs)', async () => {
  const tabA = await freshStore();
  const tabB = await freshStore();
  const shownAt = T0;
  expect(await tabA.append(entry('a', 3, T0 + 5), { notRatedSince: shownAt })).toBe('added');
  expect(await tabB.append(entry('a', 4, T0 + 6), { notRatedSince: shownAt })).toBe('already-rated');
  expect((await tabA.load()).entries).toHaveLength(1);
  // Two different cards at once both land.
  const [x, y] = await Promise.all([
    tabA.append(entry('x', 3, T0 + 7), { notRatedSince: shownAt }),
    tabB.append(entry('y', 3, T0 + 7), { notRatedSince: shownAt }),
  ]);
  expect([x, y]).toEqual(['added', 'added']);
  expect((await tabB.load()).entries).toHaveLength(3);
});

test('stored entries that fail validation are ignored and counted, not lost', async () => {
  const db = await openProgressDb();
  await db.put('log', { id: 'broken-entry-1', cardId: 'a', rating: 9, reviewedAt: T0, cardHash: 'nope' } as never);
  await db.put('log', entry('a', 3, T0));
  const loaded = await new IdbProgressStore(db).load();
  expect(loaded.entries).toHaveLength(1);
  expect(loaded.invalid).toBe(1);
  expect(await db.count('log')).toBe(2);
});

test('import merges by id (idempotent) or replaces, including settings', async () => {
  const store = await freshStore();
  const mine = entry('a', 3, T0);
  await store.append(mine);
  const file = [mine, entry('b', 3, T0 + 1), entry('c', 2, T0 + 2)];
  expect(await store.importLog(file, 'merge')).toEqual({ added: 2, total: 3 });
  expect(await store.importLog(file, 'merge')).toEqual({ added: 0, total: 3 });
  const settings = { newPerDay: 7, desiredRetention: 0.95, maximumInterval: 100 };
  expect(await store.importLog([entry('z', 4, T0)], 'replace', settings)).toEqual({ added: 1, total: 1 });
  const loaded = await store.load();
  expect(loaded.entries.map((e) => e.cardId)).toEqual(['z']);
  expect(loaded.settings).toEqual(settings);
});

test('a failing import changes nothing (one transaction)', async () => {
  const store = await freshStore();
  await store.append(entry('a', 3, T0));
  const before = await store.load();
  // A value IndexedDB cannot clone makes the write fail half-way through the batch.
  const poisoned = [entry('b', 3, T0 + 1), { ...entry('c', 3, T0 + 2), cardHash: (() => 0) as unknown as string }];
  await expect(store.importLog(poisoned, 'replace')).rejects.toBeDefined();
  expect(await store.load()).toEqual(before);
});

test('migrations run in order from the version on disk and keep existing data', async () => {
  // A database left by version 1 of the site, with a review in it.
  const v1 = await openProgressDb(DB_NAME, MIGRATIONS.slice(0, 1));
  await v1.put('log', entry('a', 3, T0));
  v1.close();
  const ran: number[] = [];
  const next = MIGRATIONS.length + 1;
  const later: Migration = (_db, tx) => {
    ran.push(next);
    tx.objectStore('log').createIndex('byTime' as never, 'reviewedAt');
  };
  const upgraded = await openProgressDb(DB_NAME, [...MIGRATIONS, later]);
  expect(upgraded.version).toBe(next);
  expect(ran).toEqual([next]);
  expect(await upgraded.count('log')).toBe(1);
  // Version 2 added the marks store beside the log it kept.
  expect([...upgraded.objectStoreNames].sort()).toEqual(['log', 'marks', 'meta']);
  expect([...upgraded.transaction('log').store.indexNames]).toEqual(['byCard', 'byTime']);
  upgraded.close();
  // Reopening at the same version runs nothing again.
  (await openProgressDb(DB_NAME, [...MIGRATIONS, later])).close();
  expect(ran).toEqual([next]);
});

test('a missing migration step is an error, not a silently half-built database', () => {
  const ran: number[] = [];
  expect(() => applyMigrations({} as never, {} as never, 0, 3, [() => ran.push(1)])).toThrow(
    /No migration to database version 2/,
  );
  expect(ran).toEqual([1]);
});

test('without IndexedDB the store falls back to memory and says so', async () => {
  // @ts-expect-error simulating a browser without IndexedDB (private mode)
  globalThis.indexedDB = undefined;
  const { store, persistent } = await openProgressStore();
  expect(store.persistent).toBe(false);
  expect(persistent).toBe(false);
  await store.append(entry('a', 3, T0));
  expect((await store.load()).entries).toHaveLength(1);
});

test('the memory store honours the same guard and import rules', async () => {
  const store = new MemoryProgressStore();
  await store.append(entry('a', 3, T0 + 5));
  expect(await store.append(entry('a', 3, T0 + 6), { notRatedSince: T0 })).toBe('already-rated');
  expect(await store.importLog([entry('b', 3, T0)], 'merge')).toEqual({ added: 1, total: 2 });
});

test('a guard ignores the card’s entries the tab already knew, whatever their time', async () => {
  const store = new MemoryProgressStore();
  const ahead = entry('a', 0, T0 + 3_600_000);
  await store.append(ahead);
  const guard = { notRatedSince: T0, knownIds: new Set([ahead.id]) };
  expect(await store.append(entry('a', 3, T0 + 3_600_001), guard)).toBe('added');
});

for (const [name, make] of [
  ['IndexedDB', freshStore],
  ['memory', async () => new MemoryProgressStore()],
] as const) {
  test(`${name}: a batch of entries and marks is written together and undone exactly`, async () => {
    const store = await make();
    const kept = entry('a', 3, T0);
    await store.append(kept);
    const batch = {
      entries: [entry('a', 0, T0 + 5)],
      marks: [mark('suspend', 'a', T0 + 5), mark('bury', 'b', T0 + 5)],
    };
    await store.appendBatch(batch);
    let loaded = await store.load();
    expect(loaded.entries.map((e) => e.id).sort()).toEqual([kept.id, batch.entries[0]?.id].sort());
    expect(loaded.marks.map((m) => m.id).sort()).toEqual(batch.marks.map((m) => m.id).sort());
    await store.removeBatch(batch);
    loaded = await store.load();
    expect(loaded.entries).toEqual([kept]);
    expect(loaded.marks).toEqual([]);
  });

  test(`${name}: importing merges marks by id; replacing replaces them`, async () => {
    const store = await make();
    const mine = mark('suspend', 'a', T0);
    const theirs = mark('bury', 'b', T0 + 1);
    await store.appendBatch({ entries: [], marks: [mine] });
    await store.importLog([], 'merge', undefined, [mine, theirs]);
    expect((await store.load()).marks.map((m) => m.id).sort()).toEqual([mine.id, theirs.id].sort());
    await store.importLog([], 'merge', undefined, [theirs]);
    expect((await store.load()).marks).toHaveLength(2);
    await store.importLog([], 'replace', undefined, [theirs]);
    expect((await store.load()).marks).toEqual([theirs]);
  });
}

test('a damaged stored mark is ignored rather than suspending or freeing a card', async () => {
  const db = await openProgressDb();
  await db.put('marks', mark('suspend', 'a', T0));
  await db.put('marks', { id: 'mark-broken1', kind: 'freeze', cardId: 'b', at: T0 } as never);
  const loaded = await new IdbProgressStore(db).load();
  expect(loaded.marks.map((m) => m.cardId)).toEqual(['a']);
});
