import { describe, expect, it } from 'vitest';
import { compareCodeUnits } from '../../src/lib/compare.ts';
import { plural } from '../../src/lib/plural.ts';

describe('plural', () => {
  it('uses the singular for exactly one', () => {
    expect(plural(1, 'review')).toBe('1 review');
  });
  it('adds an s for zero and many', () => {
    expect(plural(0, 'card')).toBe('0 cards');
    expect(plural(12, 'card')).toBe('12 cards');
  });
  it('takes an irregular plural', () => {
    expect(plural(2, 'entry', 'entries')).toBe('2 entries');
  });
});

describe('compareCodeUnits', () => {
  it('sorts by UTF-16 code unit, capitals before lower case, whatever the locale', () => {
    expect(['b', 'a', 'B', 'é', 'e'].sort(compareCodeUnits)).toEqual(['B', 'a', 'b', 'e', 'é']);
  });
  it('says equal strings are equal', () => {
    expect(compareCodeUnits('x', 'x')).toBe(0);
  });
});
