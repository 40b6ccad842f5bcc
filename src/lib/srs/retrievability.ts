import type { Card } from './scheduler.ts';

const DAY_MS = 86_400_000;
/** ts-fsrs's `State.New`, written out: importing the enum would load the whole library. */
const NEW = 0;
/** FSRS-6's default decay (w[20]), which the scheduler uses: it sets no weights of its own. */
const DECAY = -0.1542;
/** Chosen so that recall is 90% when the days elapsed equal the stability. */
const FACTOR = Math.round((0.9 ** (1 / DECAY) - 1) * 1e8) / 1e8;

/**
 * FSRS's probability of recall at `now`, as `Scheduler.retrievability` computes
 * it (whole days since the last review, ts-fsrs's forgetting curve, rounded as
 * ts-fsrs rounds), without loading ts-fsrs: a guide's memory overlay needs only
 * this. `tests/unit/srs-retrievability.test.ts` holds it to the scheduler.
 */
export function retrievabilityAt(card: Card, now: number): number {
  if (card.state === NEW || !card.last_review) return 0;
  const days = Math.max(Math.floor((now - new Date(card.last_review).getTime()) / DAY_MS), 0);
  const stability = +card.stability.toFixed(8);
  return Math.round((1 + (FACTOR * days) / stability) ** DECAY * 1e8) / 1e8;
}
