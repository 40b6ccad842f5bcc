import type { Grade } from 'ts-fsrs';
import { RESET_RATING } from './constants.ts';

/** What each grade is called wherever the review shows one: its buttons, their labels, the summary. */
export const GRADE_NAMES: Readonly<Record<Grade, string>> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

const RATING_NAMES: Readonly<Record<number, string>> = { [RESET_RATING]: 'Reset', ...GRADE_NAMES };

/** The name of a logged rating (a grade, or a reset), or null for a number that is neither. */
export function ratingName(rating: number): string | null {
  return RATING_NAMES[rating] ?? null;
}
