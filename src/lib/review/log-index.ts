import type { ReviewEntry } from '../review-log/schema.ts';
import { applyEntry, replayCard, type ReplayedCard } from '../srs/replay.ts';
import type { Scheduler } from '../srs/scheduler.ts';
import { inSlices } from '../yield-to-main.ts';

/** Log entries indexed per task when a reload brings a whole log (an import of 370,000 reviews, say). */
const ENTRY_SLICE = 50_000;

/**
 * What a review session knows of the log: every entry by id and by card, and each card's
 * replayed state. Per-card work (showing a card, replaying one after an undo) reads the card's
 * own entries, never the whole log.
 */
export class LogIndex {
  #byId = new Map<string, ReviewEntry>();
  #byCard = new Map<string, ReviewEntry[]>();
  #states: Map<string, ReplayedCard>;

  constructor(entries: readonly ReviewEntry[], states: Map<string, ReplayedCard>) {
    for (const entry of entries) this.#add(entry);
    this.#states = states;
  }

  /** The same for a whole reloaded log, indexed in slices so the page keeps answering. */
  static async inSlices(entries: readonly ReviewEntry[], states: Map<string, ReplayedCard>): Promise<LogIndex> {
    const index = new LogIndex([], states);
    await inSlices(entries.length, ENTRY_SLICE, (from, to) => {
      for (let i = from; i < to; i++) index.#add(entries[i] as ReviewEntry);
    });
    return index;
  }

  has(id: string): boolean {
    return this.#byId.has(id);
  }

  get(id: string): ReviewEntry | undefined {
    return this.#byId.get(id);
  }

  all(): ReviewEntry[] {
    return [...this.#byId.values()];
  }

  ofCard(cardId: string): readonly ReviewEntry[] {
    return this.#byCard.get(cardId) ?? [];
  }

  get states(): ReadonlyMap<string, ReplayedCard> {
    return this.#states;
  }

  /** New states for every card (the settings changed). */
  replaceStates(states: Map<string, ReplayedCard>): void {
    this.#states = states;
  }

  /** Adds an entry and moves its card's state on (or replays the card when the entry is older). */
  remember(entry: ReviewEntry, scheduler: Scheduler): void {
    this.#add(entry);
    const previous = this.#states.get(entry.cardId);
    // An entry older than the card's last one (from another device or tab) changes history: replay it.
    if (!previous || entry.reviewedAt > previous.lastEntryAt) {
      this.#states.set(entry.cardId, applyEntry(scheduler, previous, entry));
    } else {
      this.#replay(entry.cardId, scheduler);
    }
  }

  forget(entry: ReviewEntry, scheduler: Scheduler): void {
    if (!this.#byId.delete(entry.id)) return;
    const rest = this.ofCard(entry.cardId).filter((e) => e.id !== entry.id);
    if (rest.length > 0) this.#byCard.set(entry.cardId, rest);
    else this.#byCard.delete(entry.cardId);
    this.#replay(entry.cardId, scheduler);
  }

  #add(entry: ReviewEntry): void {
    if (this.#byId.has(entry.id)) return;
    this.#byId.set(entry.id, entry);
    const list = this.#byCard.get(entry.cardId);
    if (list) list.push(entry);
    else this.#byCard.set(entry.cardId, [entry]);
  }

  #replay(cardId: string, scheduler: Scheduler): void {
    const state = replayCard(scheduler, this.ofCard(cardId));
    if (state) this.#states.set(cardId, state);
    else this.#states.delete(cardId);
  }
}
