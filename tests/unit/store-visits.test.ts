import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, expect, test } from 'vitest';
import { openProgressDb } from '../../src/lib/store/db.ts';
import { IdbProgressStore } from '../../src/lib/store/progress-store.ts';
import { loadVisits, readVisits, recordVisit } from '../../src/lib/store/visits.ts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

test('opened guides are recorded once, with the first visit kept, beside the log and the settings', async () => {
  const db = await openProgressDb();
  await recordVisit(db, '/phases/constraints/', 1000);
  await recordVisit(db, '/phases/design/', 2000);
  await recordVisit(db, '/phases/constraints/', 3000);
  expect(await db.get('meta', 'visits')).toEqual({ '/phases/constraints/': 1000, '/phases/design/': 2000 });
  expect(await loadVisits(db)).toEqual(new Set(['/phases/constraints/', '/phases/design/']));
  expect(await new IdbProgressStore(db).loadVisits()).toEqual(new Set(['/phases/constraints/', '/phases/design/']));
  db.close();
});

test('a damaged visits record reads as its well-formed pairs, never as an error', () => {
  expect(readVisits(undefined)).toEqual({});
  expect(readVisits([1, 2])).toEqual({});
  expect(readVisits({ '/a/': 5, b: 6, '/c/': 'x', '/d/': -1, '/e/': 1.5 })).toEqual({ '/a/': 5 });
});

test('a fresh profile has read nothing, and its settings load without the log', async () => {
  const store = new IdbProgressStore(await openProgressDb());
  expect(await store.loadVisits()).toEqual(new Set());
  expect((await store.loadSettings()).newPerDay).toBe(20);
});
