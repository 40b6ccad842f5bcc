import { forgetting_curve, State, type Card } from 'ts-fsrs';

const DAY_MS = 86_400_000;

/**
 * FSRS's probability of recall at `now`: ts-fsrs's forgetting curve over the active weights (their
 * decay, w[20], shapes it), for the whole days since the last review and the stability rounded as
 * ts-fsrs rounds them; 0 for a card never reviewed. The one recall of the site: the scheduler's
 * `retrievability` is this over its engine's weights, and the guide's memory overlay calls it with
 * `activeWeights(settings)`, so a guide, the card browser, readiness and the final pass never differ.
 */
export function recallProbability(card: Card, now: number, weights: readonly number[]): number {
  if (card.state === State.New || !card.last_review) return 0;
  const days = Math.max(Math.floor((now - new Date(card.last_review).getTime()) / DAY_MS), 0);
  return forgetting_curve(weights, days, +card.stability.toFixed(8));
}
