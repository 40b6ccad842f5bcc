import { plural } from '../plural.ts';
import { GRADE_NAMES } from '../review-log/rating-names.ts';
import { describeInterval } from '../srs/format.ts';
import { GRADES } from '../srs/scheduler.ts';
import type { Tally } from './session.ts';

// Loaded when a session ends; the label of each card is needed from the start.
export { cardKindLabel } from './card-kind.ts';

export interface SessionEnd {
  tally: Tally;
  cram: boolean;
  now: number;
  /** Milliseconds until the next learning card is due, or null when none is waiting. */
  nextLearningIn: number | null;
}

/** The end-of-session summary: what was answered, and when to come back. */
export function describeSessionEnd({ tally, cram, now, nextLearningIn }: SessionEnd): string {
  const parts: string[] = [];
  if (tally.reviewed === 0) {
    parts.push(cram ? 'No cards match this filter.' : 'Nothing is due right now.');
  } else {
    const minutes = Math.max(1, Math.round((now - tally.startedAt) / 60_000));
    const { byGrade } = tally;
    parts.push(
      `You answered ${plural(tally.reviewed, 'card')} in about ${minutes} min: ${GRADES.map((grade) => `${GRADE_NAMES[grade]} ${byGrade[grade]}`).join(', ')}.`,
    );
  }
  if (nextLearningIn !== null) {
    parts.push(`A learning card is due in ${describeInterval(nextLearningIn)}; it will appear here when it is due.`);
  } else if (!cram) {
    parts.push('Come back tomorrow (the day starts at 4 AM) for more, or cram a section above.');
  }
  return parts.join(' ');
}
