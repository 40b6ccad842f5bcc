import { expect, test } from 'vitest';
import { RetryPlan, sectionEnd, type PageItem } from '../../src/lib/reading/retry.ts';

// intro-prompt │ ## a: a1, a2 │ ## b: b1 │ (end of page after b1)
const page: PageItem[] = [
  { kind: 'prompt', key: 'intro' },
  { kind: 'section', id: 'a' },
  { kind: 'prompt', key: 'a1' },
  { kind: 'prompt', key: 'a2' },
  { kind: 'section', id: 'b' },
  { kind: 'prompt', key: 'b1' },
];

test('a prompt belongs to the section that ends at the next H2, or at the end of the page', () => {
  expect(sectionEnd(page, 'intro')).toBe('a');
  expect(sectionEnd(page, 'a1')).toBe('b');
  expect(sectionEnd(page, 'a2')).toBe('b');
  expect(sectionEnd(page, 'b1')).toBeNull();
  expect(() => sectionEnd(page, 'nope')).toThrow(/No prompt nope/u);
});

test('only Forgot sends a prompt back, to the end of its own section', () => {
  const plan = new RetryPlan(page);
  expect(plan.graded('a1', 3, false)).toBeUndefined();
  expect(plan.graded('a2', 2, false)).toBeUndefined();
  expect(plan.graded('a1', 1, false)).toEqual({ end: 'b' });
  expect(plan.graded('b1', 1, false)).toEqual({ end: null });
  expect(plan.waitingAt('b')).toEqual(['a1']);
  expect(plan.waitingAt(null)).toEqual(['b1']);
  expect(plan.waitingAt('a')).toEqual([]);
});

test('retries at one section end come back in the order they were forgotten', () => {
  const plan = new RetryPlan(page);
  plan.graded('a2', 1, false);
  plan.graded('a1', 1, false);
  expect(plan.waitingAt('b')).toEqual(['a2', 'a1']);
});

test('a prompt comes back once: forgetting its retry, or forgetting it twice, does not queue it again', () => {
  const plan = new RetryPlan(page);
  expect(plan.graded('a1', 1, false)).toEqual({ end: 'b' });
  expect(plan.graded('a1', 1, false)).toBeUndefined();
  expect(plan.graded('a1', 1, true)).toBeUndefined();
  expect(plan.waitingAt('b')).toEqual(['a1']);
});

test('undoing the Forgot takes the retry back, and forgetting it again queues it again', () => {
  const plan = new RetryPlan(page);
  plan.graded('a1', 1, false);
  plan.graded('a2', 1, false);
  plan.cancel('a1');
  expect(plan.waitingAt('b')).toEqual(['a2']);
  expect(plan.graded('a1', 1, false)).toEqual({ end: 'b' });
  expect(plan.waitingAt('b')).toEqual(['a2', 'a1']);
});
