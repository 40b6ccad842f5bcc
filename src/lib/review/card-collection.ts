import type { DeckCard } from '../deck-schema.ts';
import type { MarkEntry, ReviewEntry, ReviewSettings } from '../review-log/schema.ts';
import { cardHolds } from '../srs/holds.ts';
import { logFingerprint, restoreOrReplay, type ReplaySnapshot } from '../srs/replay-cache.ts';
import { replayLog, type ReplayedCard } from '../srs/replay.ts';
import { createScheduler, type Scheduler } from '../srs/scheduler.ts';
import type { LogBatch } from '../store/progress-store.ts';
import { buildCardRows, type CardRow } from './card-rows.ts';

/**
 * What the card browser knows: the deck, the log, the marks and the replayed
 * states. Batches written by the browser are folded in (or taken out again on
 * undo) without replaying the whole log: only the cards they touch.
 */
export class CardCollection {
  readonly #cards: readonly DeckCard[];
  readonly #scheduler: Scheduler;
  readonly #settings: ReviewSettings;
  #entries: ReviewEntry[];
  #marks: MarkEntry[];
  #states: Map<string, ReplayedCard>;
  /** Whether the states came from the replay cache; when not, `snapshot()` is worth saving. */
  readonly restored: boolean;

  constructor(
    cards: readonly DeckCard[],
    loaded: { entries: ReviewEntry[]; marks: MarkEntry[]; settings: ReviewSettings },
    snapshot: unknown,
  ) {
    this.#cards = cards;
    this.#settings = loaded.settings;
    this.#scheduler = createScheduler(loaded.settings);
    this.#entries = loaded.entries;
    this.#marks = loaded.marks;
    const { states, reused } = restoreOrReplay(this.#scheduler, loaded.entries, loaded.settings, snapshot);
    this.#states = states;
    this.restored = reused;
  }

  /** Every card's row at `now` (deck cards first, then retired ones). */
  rows(now: number, textOf: (html: string) => string): CardRow[] {
    return buildCardRows({
      cards: this.#cards,
      states: this.#states,
      entries: this.#entries,
      holds: cardHolds(this.#marks, now),
      scheduler: this.#scheduler,
      now,
      textOf,
    });
  }

  /** The replayed states with what they derive from, for the replay cache the review page shares. */
  snapshot(): ReplaySnapshot {
    return { fingerprint: logFingerprint(this.#entries, this.#settings), states: [...this.#states] };
  }

  /** Folds in a batch just written (`added`) or just removed again (`removed`). */
  apply(batch: LogBatch, how: 'added' | 'removed'): void {
    if (how === 'added') {
      this.#marks = [...this.#marks, ...batch.marks];
      this.#entries = [...this.#entries, ...batch.entries];
    } else {
      const markIds = new Set(batch.marks.map((mark) => mark.id));
      const entryIds = new Set(batch.entries.map((entry) => entry.id));
      this.#marks = this.#marks.filter((mark) => !markIds.has(mark.id));
      this.#entries = this.#entries.filter((entry) => !entryIds.has(entry.id));
    }
    if (batch.entries.length === 0) return;
    const touched = new Set(batch.entries.map((entry) => entry.cardId));
    const replayed = replayLog(
      this.#scheduler,
      this.#entries.filter((entry) => touched.has(entry.cardId)),
    );
    for (const id of touched) {
      const state = replayed.get(id);
      if (state) this.#states.set(id, state);
      else this.#states.delete(id);
    }
  }
}
