import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, expect, test } from 'vitest';
import { mergeVisits } from '../../src/lib/review-log/merge-visits.ts';
import type { GuideVisits } from '../../src/lib/review-log/schema.ts';
import { openProgressDb } from '../../src/lib/store/db.ts';
import { MemoryProgressStore } from '../../src/lib/store/memory-store.ts';
import { IdbProgressStore } from '../../src/lib/store/progress-store.ts';
import { recordVisit } from '../../src/lib/store/visits.ts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const laptop: GuideVisits = { '/phases/constraints/': 300, '/phases/design/': 100 };
const phone: GuideVisits = { '/phases/constraints/': 200, '/building-blocks/caching/': 500 };
const third: GuideVisits = { '/phases/design/': 50 };

test('merging visits is the union of the guides, each with its earliest first visit', () => {
  expect(mergeVisits(laptop, phone)).toEqual({
    '/phases/constraints/': 200,
    '/phases/design/': 100,
    '/building-blocks/caching/': 500,
  });
  // Neither input is changed.
  expect(laptop['/phases/constraints/']).toBe(300);
});

test('merging visits is order-independent and idempotent', () => {
  const orders = [
    [laptop, phone, third],
    [third, phone, laptop],
    [phone, laptop, third],
  ];
  const results = orders.map((list) => list.reduce((acc, next) => mergeVisits(acc, next), {}));
  for (const result of results) expect(result).toEqual(results[0]);
  const once = results[0] as GuideVisits;
  expect(mergeVisits(once, once)).toEqual(once);
  expect(mergeVisits(once, phone)).toEqual(once);
  expect(mergeVisits({}, {})).toEqual({});
});

test('an import into IndexedDB merges the visits, or replaces them, in the same transaction as the log', async () => {
  const db = await openProgressDb();
  await recordVisit(db, '/phases/constraints/', 300);
  const store = new IdbProgressStore(db);
  await store.importLog([], 'merge', undefined, [], phone);
  expect(await store.loadVisitTimes()).toEqual({ '/phases/constraints/': 200, '/building-blocks/caching/': 500 });
  expect(await store.loadVisits()).toEqual(new Set(['/phases/constraints/', '/building-blocks/caching/']));
  // An older file carries no visits: a merge keeps this browser's.
  await store.importLog([], 'merge');
  expect(Object.keys(await store.loadVisitTimes())).toHaveLength(2);
  await store.importLog([], 'replace', undefined, [], third);
  expect(await store.loadVisitTimes()).toEqual(third);
  db.close();
});

test('the in-memory store keeps imported visits for the page', async () => {
  const store = new MemoryProgressStore();
  await store.importLog([], 'merge', undefined, [], laptop);
  await store.importLog([], 'merge', undefined, [], phone);
  expect(await store.loadVisitTimes()).toEqual(mergeVisits(laptop, phone));
  expect(await store.loadVisits()).toEqual(new Set(Object.keys(mergeVisits(laptop, phone))));
});
