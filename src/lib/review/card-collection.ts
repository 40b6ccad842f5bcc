import type { DeckCard } from '../deck-schema.ts';
import { compareEntries } from '../review-log/order.ts';
import type { MarkEntry, ReviewEntry, ReviewSettings } from '../review-log/schema.ts';
import { cardHolds } from '../srs/holds.ts';
import { logFingerprint, restoreOrReplay, type ReplaySnapshot } from '../srs/replay-cache.ts';
import { replayCard, type ReplayedCard } from '../srs/replay.ts';
import { schedulerIdentity } from '../srs/scheduler-identity.ts';
import { createScheduler, type Scheduler } from '../srs/scheduler.ts';
import type { LogBatch } from '../store/progress-store.ts';
import type { SyncMessage } from '../store/sync.ts';
import { buildCardRows, type CardRow } from './card-rows.ts';

interface Loaded {
  entries: ReviewEntry[];
  marks: MarkEntry[];
  settings: ReviewSettings;
}

/** Each card's entries in log order: a change to one card replays that card alone. */
function indexByCard(entries: readonly ReviewEntry[]): Map<string, ReviewEntry[]> {
  const byCard = new Map<string, ReviewEntry[]>();
  for (const entry of entries) {
    const list = byCard.get(entry.cardId);
    if (list) list.push(entry);
    else byCard.set(entry.cardId, [entry]);
  }
  for (const list of byCard.values()) list.sort(compareEntries);
  return byCard;
}

const sameEntries = (a: readonly ReviewEntry[] | undefined, b: readonly ReviewEntry[] | undefined): boolean =>
  a?.length === b?.length && (a ?? []).every((entry, i) => entry.id === b?.[i]?.id);

/**
 * What the card browser knows: the deck, the log (indexed by card), the marks
 * and the replayed states. A change, written here or in another tab, replays
 * only the cards whose entries it changes; only new settings (a new scheduler
 * identity) replay the whole log.
 */
export class CardCollection {
  readonly #cards: readonly DeckCard[];
  #scheduler: Scheduler;
  #settings: ReviewSettings;
  #byCard: Map<string, ReviewEntry[]>;
  #ids: Set<string>;
  #marks: MarkEntry[];
  #states: Map<string, ReplayedCard>;
  /** Whether the states came from the replay cache; when not, `snapshot()` is worth saving. */
  readonly restored: boolean;

  constructor(cards: readonly DeckCard[], loaded: Loaded, snapshot: unknown) {
    this.#cards = cards;
    this.#settings = loaded.settings;
    this.#scheduler = createScheduler(loaded.settings);
    this.#byCard = indexByCard(loaded.entries);
    this.#ids = new Set(loaded.entries.map((entry) => entry.id));
    this.#marks = loaded.marks;
    const { states, reused } = restoreOrReplay(this.#scheduler, loaded.entries, loaded.settings, snapshot);
    this.#states = states;
    this.restored = reused;
  }

  #entries(): ReviewEntry[] {
    return [...this.#byCard.values()].flat();
  }

  /** Every card's row at `now` (deck cards first, then retired ones). */
  rows(now: number, textOf: (html: string) => string): CardRow[] {
    return buildCardRows({
      cards: this.#cards,
      states: this.#states,
      last: new Map([...this.#byCard].map(([id, list]) => [id, list[list.length - 1] as ReviewEntry])),
      holds: cardHolds(this.#marks, now),
      scheduler: this.#scheduler,
      now,
      textOf,
    });
  }

  /** The replayed states with what they derive from, for the replay cache the review page shares. */
  snapshot(): ReplaySnapshot {
    return { fingerprint: logFingerprint(this.#entries(), this.#settings), states: [...this.#states] };
  }

  /** Folds in a batch just written (`added`) or just removed again (`removed`). */
  apply(batch: LogBatch, how: 'added' | 'removed'): void {
    if (how === 'added') {
      this.#marks = [...this.#marks, ...batch.marks];
      this.#add(batch.entries);
    } else {
      this.#removeMarks(batch.marks.map((mark) => mark.id));
      this.#remove(batch.entries);
    }
  }

  /** Folds in another tab's change that carries its data (`reload` and `settings` need `refresh`). */
  applyRemote(message: Exclude<SyncMessage, { type: 'reload' | 'settings' }>): void {
    if (message.type === 'appended') this.#add([message.entry]);
    else if (message.type === 'removed') this.#remove([{ id: message.id, cardId: message.cardId }]);
    else {
      const known = new Set(this.#marks.map((mark) => mark.id));
      this.#removeMarks(message.removed);
      this.#marks = [...this.#marks, ...message.added.filter((mark) => !known.has(mark.id))];
    }
  }

  /**
   * Takes the stored log, marks and settings after another tab's reload or settings change. The same
   * scheduler identity: only the cards whose entries differ are replayed. Another: everything is, from
   * the replay cache when it matches. Returns whether the whole log was replayed (its states are worth
   * caching).
   */
  refresh(loaded: Loaded, snapshot: unknown): boolean {
    this.#marks = loaded.marks;
    const byCard = indexByCard(loaded.entries);
    this.#ids = new Set(loaded.entries.map((entry) => entry.id));
    if (schedulerIdentity(loaded.settings) !== schedulerIdentity(this.#settings)) {
      this.#settings = loaded.settings;
      this.#scheduler = createScheduler(loaded.settings);
      this.#byCard = byCard;
      const { states, reused } = restoreOrReplay(this.#scheduler, loaded.entries, loaded.settings, snapshot);
      this.#states = states;
      return !reused;
    }
    this.#settings = loaded.settings;
    const changed = [...new Set([...this.#byCard.keys(), ...byCard.keys()])].filter(
      (id) => !sameEntries(this.#byCard.get(id), byCard.get(id)),
    );
    this.#byCard = byCard;
    this.#replay(changed);
    return false;
  }

  #add(entries: readonly ReviewEntry[]): void {
    const fresh = entries.filter((entry) => !this.#ids.has(entry.id));
    for (const entry of fresh) {
      this.#ids.add(entry.id);
      const list = this.#byCard.get(entry.cardId) ?? [];
      list.push(entry);
      list.sort(compareEntries);
      this.#byCard.set(entry.cardId, list);
    }
    this.#replay(fresh.map((entry) => entry.cardId));
  }

  #remove(entries: readonly { id: string; cardId: string }[]): void {
    const known = entries.filter((entry) => this.#ids.delete(entry.id));
    for (const { id, cardId } of known) {
      const list = (this.#byCard.get(cardId) ?? []).filter((entry) => entry.id !== id);
      if (list.length > 0) this.#byCard.set(cardId, list);
      else this.#byCard.delete(cardId);
    }
    this.#replay(known.map((entry) => entry.cardId));
  }

  #removeMarks(ids: readonly string[]): void {
    if (ids.length === 0) return;
    const gone = new Set(ids);
    this.#marks = this.#marks.filter((mark) => !gone.has(mark.id));
  }

  /** Replays each of these cards from its own entries alone. */
  #replay(cardIds: Iterable<string>): void {
    for (const id of new Set(cardIds)) {
      const state = replayCard(this.#scheduler, this.#byCard.get(id) ?? []);
      if (state) this.#states.set(id, state);
      else this.#states.delete(id);
    }
  }
}
