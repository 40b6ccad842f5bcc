import { expect, test } from 'vitest';

// Burials end at the 4 AM rollover in local time: pin a zone with daylight saving.
process.env['TZ'] = 'Europe/Paris';
const { mergeMarks } = await import('../../src/lib/review-log/merge-marks.ts');
const { cardHolds, heldCardIds } = await import('../../src/lib/srs/holds.ts');
const { mark } = await import('../fixtures/review/entries.ts');
type Mark = import('../../src/lib/review-log/schema.ts').MarkEntry;

const local = (d: number, h: number, m = 0) => new Date(2026, 0, d, h, m).getTime();
const ids = (marks: readonly Mark[]) => marks.map((m) => m.id).sort();
const sorted = (set: ReadonlySet<string>) => [...set].sort();

const phone = [mark('suspend', 'a', local(5, 10)), mark('bury', 'b', local(5, 11))];
const laptop = [phone[0] as Mark, mark('unsuspend', 'a', local(5, 12)), mark('suspend', 'c', local(5, 9))];

/** Every ordering of a short list. */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

test('merging marks unions them by id and reports the new ones', () => {
  const { merged, added } = mergeMarks(phone, laptop);
  expect(ids(merged)).toEqual(ids([...phone, ...laptop.slice(1)]));
  expect(ids(added)).toEqual(ids(laptop.slice(1)));
});

test('merging marks is idempotent', () => {
  const once = mergeMarks(phone, laptop).merged;
  expect(mergeMarks(once, laptop).added).toEqual([]);
  expect(mergeMarks(once, once).merged).toEqual(once);
  expect(ids(mergeMarks(once, phone).merged)).toEqual(ids(once));
});

test('merging marks is order-independent, even when one id carries two contents', () => {
  const clash = { ...(phone[1] as Mark), kind: 'suspend' as const };
  const all = [...phone, ...laptop, clash];
  const results = permutations(all.slice(0, 5)).map((order) => {
    const merged = mergeMarks(order.slice(0, 2), [...order.slice(2), clash]).merged;
    return JSON.stringify([...merged].sort((x, y) => (x.id < y.id ? -1 : 1)));
  });
  expect(new Set(results).size).toBe(1);
  // The same winner whichever side holds which copy.
  const left = mergeMarks(phone, [clash]).merged.find((m) => m.id === clash.id);
  const right = mergeMarks([clash], phone).merged.find((m) => m.id === clash.id);
  expect(left).toEqual(right);
});

test('the latest suspend or unsuspend decides, whatever order the marks come in', () => {
  const now = local(6, 10);
  const marks = mergeMarks(phone, laptop).merged;
  for (const order of permutations(marks)) {
    expect(sorted(cardHolds(order, now).suspended)).toEqual(['c']);
  }
  // Suspending a again after the unsuspension suspends it; duplicates change nothing.
  const again = [...marks, mark('suspend', 'a', local(5, 13))];
  expect(sorted(cardHolds([...again, ...again], now).suspended)).toEqual(['a', 'c']);
});

test('two switches at the same millisecond are ordered by id on every device', () => {
  const t = local(5, 10);
  const on = mark('suspend', 'x', t, { id: 'mark-zzzzzz' });
  const off = mark('unsuspend', 'x', t, { id: 'mark-aaaaaa' });
  expect(sorted(cardHolds([on, off], t).suspended)).toEqual(['x']);
  expect(sorted(cardHolds([off, on], t).suspended)).toEqual(['x']);
});

test('a burial lasts until the next 4 AM rollover, even when made after midnight', () => {
  const evening = [mark('bury', 'b', local(5, 22))];
  expect(sorted(cardHolds(evening, local(5, 23)).buried)).toEqual(['b']);
  expect(sorted(cardHolds(evening, local(6, 3, 59)).buried)).toEqual(['b']);
  expect(sorted(cardHolds(evening, local(6, 4)).buried)).toEqual([]);
  const night = [mark('bury', 'b', local(6, 1))];
  expect(sorted(cardHolds(night, local(6, 3)).buried)).toEqual(['b']);
  expect(sorted(cardHolds(night, local(6, 5)).buried)).toEqual([]);
  // Across the daylight-saving change (29 March 2026 in Paris) it still ends at 4 AM local.
  const spring = [mark('bury', 'b', new Date(2026, 2, 28, 12).getTime())];
  expect(cardHolds(spring, new Date(2026, 2, 29, 3, 59).getTime()).buried.has('b')).toBe(true);
  expect(cardHolds(spring, new Date(2026, 2, 29, 4, 0).getTime()).buried.has('b')).toBe(false);
});

test('a burial dated after now does not hide the card yet; held cards are both kinds', () => {
  const holds = cardHolds([mark('bury', 'b', local(5, 12)), mark('suspend', 's', local(5, 8))], local(5, 11));
  expect(sorted(holds.buried)).toEqual([]);
  expect(
    sorted(heldCardIds(cardHolds([mark('bury', 'b', local(5, 10)), mark('suspend', 's', 1)], local(5, 11)))),
  ).toEqual(['b', 's']);
});
