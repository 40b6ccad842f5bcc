import { expect, test } from 'vitest';
import { mergeLogs } from '../../src/lib/review-log/merge.ts';
import { at, entry, OTHER_HASH } from '../fixtures/review/entries.ts';

const T0 = Date.UTC(2026, 0, 5, 10);
const phone = [entry('a', 3, T0), entry('b', 1, T0 + 1000), entry('a', 3, T0 + 86_400_000)];
const laptop = [at(phone, 0), entry('c', 4, T0 + 5000), entry('b', 3, T0 + 2 * 86_400_000)];

const ids = (entries: readonly { id: string }[]) => entries.map((e) => e.id).sort();

test('merging unions the logs by id and reports what is new', () => {
  const plan = mergeLogs(phone, laptop);
  expect(ids(plan.merged)).toEqual(ids([...phone, at(laptop, 1), at(laptop, 2)]));
  expect(ids(plan.added)).toEqual(ids([at(laptop, 1), at(laptop, 2)]));
  expect(plan.unchanged).toBe(1);
  expect(plan.conflicts).toBe(0);
});

test('merging is idempotent', () => {
  const once = mergeLogs(phone, laptop).merged;
  const twice = mergeLogs(once, laptop);
  expect(twice.added).toEqual([]);
  expect(ids(twice.merged)).toEqual(ids(once));
  expect(mergeLogs(once, once).added).toEqual([]);
});

test('merging is order-independent, even when one id carries two contents', () => {
  const clash = { ...at(phone, 1), cardHash: OTHER_HASH };
  const left = mergeLogs([...phone, ...laptop], [clash]);
  const right = mergeLogs([clash, ...laptop], phone);
  const sort = (entries: readonly { id: string }[]) => [...entries].sort((a, b) => (a.id < b.id ? -1 : 1));
  expect(sort(left.merged)).toEqual(sort(right.merged));
  expect(left.conflicts).toBe(1);
  expect(right.conflicts).toBe(1);
});

test('duplicate ids inside one file count once', () => {
  const plan = mergeLogs([], [at(phone, 0), at(phone, 0), at(phone, 1)]);
  expect(plan.added).toHaveLength(2);
  expect(plan.merged).toHaveLength(2);
});

/** Every ordering of `items`. */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

test('conflicting copies of one id: every order of both logs keeps the same copy, and merging again is a no-op', () => {
  const base = entry('x', 3, T0);
  const copies = [base, { ...base, rating: 1 }, { ...base, reviewedAt: T0 - 5000 }, { ...base, cardHash: OTHER_HASH }];
  const other = entry('y', 2, T0);
  const results = new Set<string>();
  for (const order of permutations([...copies, other])) {
    for (let split = 0; split <= order.length; split++) {
      const plan = mergeLogs(order.slice(0, split), order.slice(split));
      const merged = [...plan.merged].sort((a, b) => (a.id < b.id ? -1 : 1));
      results.add(JSON.stringify(merged));
      expect(mergeLogs(plan.merged, order).merged).toHaveLength(2);
      expect(mergeLogs(plan.merged, order.slice(split)).added).toEqual([]);
    }
  }
  expect([...results]).toEqual([JSON.stringify([{ ...base, reviewedAt: T0 - 5000 }, other])]);
});

test('conflicts are counted apart from entries already here, with whose copy was kept', () => {
  const stored = [entry('a', 3, T0), entry('b', 3, T0), entry('c', 3, T0)];
  const file = [{ ...at(stored, 0), rating: 1 }, { ...at(stored, 1), reviewedAt: T0 + 1000 }, at(stored, 2)];
  const plan = mergeLogs(stored, file);
  expect(plan).toMatchObject({ unchanged: 1, conflicts: 2, keptIncoming: 1, keptStored: 1, added: [] });
});

test('a file repeating an id with two contents: the same copy wins whatever its position', () => {
  const first = entry('a', 4, T0);
  const second = { ...first, rating: 2 };
  expect(mergeLogs([], [first, second]).merged).toEqual([second]);
  expect(mergeLogs([], [second, first]).merged).toEqual([second]);
});
