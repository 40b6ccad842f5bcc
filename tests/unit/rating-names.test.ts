import { describe, expect, it } from 'vitest';
import { GRADE_NAMES, ratingName } from '../../src/lib/review-log/rating-names.ts';
import { RESET_RATING } from '../../src/lib/review-log/constants.ts';
import { GRADES } from '../../src/lib/srs/scheduler.ts';

describe('rating names', () => {
  it('name the grades Again to Easy, in the order the buttons show them', () => {
    expect(GRADES.map((grade) => GRADE_NAMES[grade])).toEqual(['Again', 'Hard', 'Good', 'Easy']);
  });

  it('name a logged rating, a reset included, and nothing else', () => {
    expect(ratingName(RESET_RATING)).toBe('Reset');
    expect(ratingName(3)).toBe('Good');
    expect(ratingName(5)).toBeNull();
    expect(ratingName(-1)).toBeNull();
  });
});
