import { default_w, forgetting_curve, State, type Card } from 'ts-fsrs';

const DAY_MS = 86_400_000;

/**
 * FSRS's probability of recall at `now`, computed as `Scheduler.retrievability`
 * does (whole days since the last review, the default FSRS-6 weights the
 * scheduler uses) but with ts-fsrs's forgetting curve alone: a guide's memory
 * overlay reads it without loading the scheduler.
 */
export function retrievabilityAt(card: Card, now: number): number {
  if (card.state === State.New || !card.last_review) return 0;
  const days = Math.max(Math.floor((now - new Date(card.last_review).getTime()) / DAY_MS), 0);
  return forgetting_curve(default_w, days, +card.stability.toFixed(8));
}
