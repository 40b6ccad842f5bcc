import { expect, test } from 'vitest';
import { mergeLogs } from '../../src/lib/progress/merge.ts';
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
