import type { DeckCard } from '../deck-schema.ts';
import { newEntryId } from '../review-log/entry-id.ts';
import { RESET_RATING } from '../review-log/constants.ts';
import type { MarkEntry, ReviewEntry, ReviewSettings } from '../review-log/schema.ts';
import { cardHolds, heldCardIds } from '../srs/holds.ts';
import { formatInterval, describeInterval } from '../srs/format.ts';
import { buildQueue, pickNext, type QueueItem, type ReadingFirst, type StudyQueue } from '../srs/queue.ts';
import { applyEntry, replayCard, replayLog, type ReplayedCard } from '../srs/replay.ts';
import { logFingerprint, restoreOrReplay, restoreOrReplayInSlices, type ReplaySnapshot } from '../srs/replay-cache.ts';
import { inSlices, yieldToMain } from '../yield-to-main.ts';
import { createScheduler, GRADES, State, type Grade, type Scheduler } from '../srs/scheduler.ts';
import { answeredElsewhere, type AppendGuard, type ProgressStore } from '../store/progress-store.ts';
import { StorageHealth } from '../store/storage-status.ts';
import type { SyncMessage } from '../store/sync.ts';

/** Log entries indexed per task when a reload brings a whole log (an import of 370,000 reviews, say). */
const ENTRY_SLICE = 50_000;

/** A view of the card states for building the queue (see `useQueueStates`). */
export type QueueStates = (
  scheduler: Scheduler,
  states: ReadonlyMap<string, ReplayedCard>,
  cardIds: readonly string[],
  now: number,
  settings: ReviewSettings,
) => ReadonlyMap<string, ReplayedCard>;

export interface SessionOptions {
  /** The cards to review (already filtered), in deck order. */
  cards: readonly DeckCard[];
  store: ProgressStore;
  entries: readonly ReviewEntry[];
  /** Suspensions and burials: held cards stay out of the queue and of cram. */
  marks?: readonly MarkEntry[];
  settings: ReviewSettings;
  /** Cram: go through every card once, Again sends it to the back; the schedule is not touched. */
  cram?: boolean;
  now?: () => number;
  /** Tells other tabs about changes. */
  broadcast?: (message: SyncMessage) => void;
  /** A cached replay from storage; used only if it was made from exactly these entries and settings. */
  snapshot?: unknown;
  /** Where the outcome of every write is reported (the page's storage status). */
  health?: StorageHealth;
  /** New cards follow reading: the guides opened, and whether to hold back unread ones. */
  reading?: Omit<ReadingFirst, 'pageOf'>;
}

export interface CurrentCard {
  card: DeckCard;
  kind: QueueItem['kind'] | 'cram';
  shownAt: number;
  /** The card changed since it was last reviewed (its hash differs). */
  edited: boolean;
  /** Ids of the card's entries this tab knew when it showed the card. */
  knownIds: ReadonlySet<string>;
}

export interface ButtonPreview {
  grade: Grade;
  /** Short label ("10m", "4d") or "" in cram mode. */
  label: string;
  description: string;
}

export interface Tally {
  reviewed: number;
  byGrade: Record<Grade, number>;
  startedAt: number;
}

export type RateOutcome = 'rated' | 'already-rated';

/**
 * One review session: today's queue over the chosen cards, ratings appended to
 * the log, undo, and other tabs' changes folded in. No DOM, so it can be tested
 * with an in-memory store.
 */
export class ReviewSession {
  readonly cram: boolean;
  readonly #cards: readonly DeckCard[];
  readonly #byId: Map<string, DeckCard>;
  readonly #now: () => number;
  readonly #broadcast: (message: SyncMessage) => void;
  #reading: SessionOptions['reading'];
  #store: ProgressStore;
  #scheduler: Scheduler;
  #settings: ReviewSettings;
  #entries = new Map<string, ReviewEntry>();
  #marks = new Map<string, MarkEntry>();
  #states: Map<string, ReplayedCard>;
  #current: CurrentCard | null = null;
  /** Entries this tab added, newest last: what Undo takes back. */
  #undo: ReviewEntry[] = [];
  #cramQueue: string[] = [];
  #cramDone: string[] = [];
  /** Moves due dates for the queue only (the interview's final pass, once its code has loaded). */
  #queueStates: QueueStates | null = null;
  /** What happened to the last write: the page's storage status reads it. */
  readonly health: StorageHealth;
  /** Whether the card states came from the cached snapshot rather than a replay. */
  readonly restoredFromSnapshot: boolean;
  tally: Tally;

  constructor(options: SessionOptions) {
    this.cram = options.cram ?? false;
    this.#cards = options.cards;
    this.#byId = new Map(options.cards.map((card) => [card.id, card]));
    this.#now = options.now ?? Date.now;
    this.#broadcast = options.broadcast ?? (() => {});
    this.#reading = options.reading;
    this.#store = options.store;
    this.health = options.health ?? new StorageHealth();
    this.#settings = options.settings;
    this.#scheduler = createScheduler(options.settings);
    for (const entry of options.entries) this.#entries.set(entry.id, entry);
    this.setMarks(options.marks ?? []);
    const restored = restoreOrReplay(this.#scheduler, options.entries, options.settings, options.snapshot);
    this.#states = restored.states;
    this.restoredFromSnapshot = restored.reused;
    const held = this.#held();
    this.#cramQueue = options.cards.map((card) => card.id).filter((id) => !held.has(id));
    this.tally = { reviewed: 0, byGrade: { 1: 0, 2: 0, 3: 0, 4: 0 }, startedAt: this.#now() };
  }

  get store(): ProgressStore {
    return this.#store;
  }

  get current(): CurrentCard | null {
    return this.#current;
  }

  get settings(): ReviewSettings {
    return this.#settings;
  }

  get canUndo(): boolean {
    return this.#undo.length > 0;
  }

  /** The current states with what they derive from, for the replay cache. */
  snapshot(): ReplaySnapshot {
    return { fingerprint: logFingerprint([...this.#entries.values()], this.#settings), states: [...this.#states] };
  }

  /** All log entries known to this tab. */
  entries(): ReviewEntry[] {
    return [...this.#entries.values()];
  }

  states(): ReadonlyMap<string, ReplayedCard> {
    return this.#states;
  }

  /** Lets the interview's final pass put cards in the queue early; the log and the states stay FSRS's. */
  useQueueStates(transform: QueueStates | null): void {
    this.#queueStates = transform;
  }

  queue(): StudyQueue {
    const cardIds = this.#cards.map((card) => card.id);
    const now = this.#now();
    return buildQueue({
      cardIds,
      states: this.#queueStates?.(this.#scheduler, this.#states, cardIds, now, this.#settings) ?? this.#states,
      now,
      newPerDay: this.#settings.newPerDay,
      ...(this.#reading && {
        reading: {
          ...this.#reading,
          onlyRead: this.#reading.onlyRead && this.#settings.onlyReadGuides !== false,
          pageOf: (cardId) => this.#byId.get(cardId)?.concept.split('#')[0] ?? '',
        },
      }),
      held: this.#held(),
    });
  }

  /** All suspensions and burials known to this tab. */
  marks(): MarkEntry[] {
    return [...this.#marks.values()];
  }

  /** Adds and removes marks (this tab's suspend, bury or undo, or another tab's); true when the card shown is now held. */
  applyMarks(added: readonly MarkEntry[], removed: readonly string[]): boolean {
    const gone = new Set(removed);
    this.setMarks([...[...this.#marks.values()].filter((mark) => !gone.has(mark.id)), ...added]);
    return this.#current !== null && this.#held().has(this.#current.card.id);
  }

  /**
   * Replaces the known marks (after this tab or another suspended, buried or
   * undid one). The card on screen, when now held, is left for the caller to skip.
   */
  setMarks(marks: readonly MarkEntry[]): void {
    const before = this.#held();
    this.#marks = new Map(marks.map((mark) => [mark.id, mark]));
    const held = this.#held();
    this.#cramQueue = this.#cramQueue.filter((id) => !held.has(id));
    // Cram: a card freed again (an undone suspension) comes back first, unless it was already crammed.
    for (const id of before) {
      if (this.cram && !held.has(id) && this.#byId.has(id) && ![...this.#cramQueue, ...this.#cramDone].includes(id))
        this.#cramQueue.unshift(id);
    }
  }

  #held(): Set<string> {
    return heldCardIds(cardHolds(this.#marks.values(), this.#now()));
  }

  /** New / learning / due counts, including the card on screen. */
  counts(): { fresh: number; learning: number; review: number; cram: number } {
    if (this.cram) return { fresh: 0, learning: 0, review: 0, cram: this.#cramQueue.length };
    const queue = this.queue();
    return { fresh: queue.fresh.length, learning: queue.learning.length, review: queue.review.length, cram: 0 };
  }

  /** Milliseconds until the next learning card of today is due, or null when none is waiting. */
  nextLearningIn(): number | null {
    if (this.cram) return null;
    const first = this.queue().learning[0];
    const wait = first ? first.due - this.#now() : Number.NaN;
    return Number.isFinite(wait) ? Math.max(0, wait) : null;
  }

  /** Moves to the next card; null when the session is over (or waiting on a learning card). */
  advance(): CurrentCard | null {
    const now = this.#now();
    const cramId = this.#cramQueue[0];
    const next: { cardId: string; kind: CurrentCard['kind'] } | null = this.cram
      ? cramId === undefined
        ? null
        : { cardId: cramId, kind: 'cram' }
      : pickNext(this.queue(), now);
    const card = next && this.#byId.get(next.cardId);
    this.#current = next && card ? this.#show(card, next.kind, now) : null;
    return this.#current;
  }

  isEdited(card: DeckCard): boolean {
    const state = this.#states.get(card.id);
    return state !== undefined && state.lastHash !== card.hash;
  }

  /** The interval each answer button would schedule for the current card. */
  previews(): ButtonPreview[] {
    const current = this.#current;
    if (!current) return [];
    if (this.cram) {
      return GRADES.map((grade) => ({
        grade,
        label: '',
        description: grade === 1 ? 'see it again in this session' : 'not scheduled (cram)',
      }));
    }
    const now = this.#now();
    const state = this.#states.get(current.card.id)?.card ?? this.#scheduler.emptyCard(now);
    const outcomes = this.#scheduler.preview(current.card.id, state, now);
    return GRADES.map((grade) => {
      const ms = outcomes[grade].due.getTime() - now;
      return { grade, label: formatInterval(ms), description: describeInterval(ms) };
    });
  }

  /** Rates the current card and appends the rating to the log. */
  async rate(grade: Grade): Promise<RateOutcome> {
    const current = this.#current;
    if (!current) throw new Error('No card to rate');
    if (this.cram) {
      this.#cramQueue.shift();
      if (grade === 1) this.#cramQueue.push(current.card.id);
      this.#cramDone.push(current.card.id);
      this.#count(grade, 1);
      return 'rated';
    }
    const entry: ReviewEntry = {
      id: newEntryId(),
      cardId: current.card.id,
      rating: grade,
      reviewedAt: this.#stampFor(current.card.id, current.shownAt),
      cardHash: current.card.hash,
    };
    const result = await this.#append(entry, { notRatedSince: current.shownAt, knownIds: current.knownIds });
    if (result === 'already-rated') {
      await this.#refreshCard(entry.cardId);
      return 'already-rated';
    }
    this.#undo.push(entry);
    this.#count(grade, 1);
    return 'rated';
  }

  /** Takes back the last rating made in this tab; that card comes back on screen. */
  async undo(): Promise<CurrentCard | null> {
    if (this.cram) {
      const cardId = this.#cramDone.pop();
      if (cardId === undefined) return null;
      const back = this.#cramQueue.lastIndexOf(cardId);
      if (back > 0) this.#cramQueue.splice(back, 1);
      this.#cramQueue.unshift(cardId);
      return this.advance();
    }
    const entry = this.#undo.pop();
    if (!entry) return null;
    try {
      await this.#store.remove(entry.id);
      this.#wrote();
    } catch (error) {
      await this.#degrade(error);
      await this.#store.remove(entry.id);
    }
    this.#forget(entry);
    this.#broadcast({ type: 'removed', id: entry.id, cardId: entry.cardId });
    this.#count(entry.rating as Grade, -1);
    const card = this.#byId.get(entry.cardId);
    this.#current = card ? this.#show(card, this.#kindOf(card.id), this.#now()) : null;
    return this.#current;
  }

  /** Forgets a card's progress (kept in the log as a reset), e.g. after its content changed. */
  async resetCard(cardId: string): Promise<void> {
    const card = this.#byId.get(cardId);
    if (!card) return;
    const entry: ReviewEntry = {
      id: newEntryId(),
      cardId,
      rating: RESET_RATING,
      reviewedAt: this.#stampFor(cardId, this.#now()),
      cardHash: card.hash,
    };
    await this.#append(entry);
    if (this.#current?.card.id === cardId) {
      // The reset is this tab's own entry: rating the card next is not "answered elsewhere".
      const knownIds = new Set([...this.#current.knownIds, entry.id]);
      this.#current = { ...this.#current, edited: false, kind: 'new', knownIds };
    }
  }

  /** Cards the deck changed since they were last reviewed. */
  editedCards(): DeckCard[] {
    return this.#cards.filter((card) => this.isEdited(card));
  }

  /**
   * Folds in a change made by another tab. Returns true when the card on screen
   * was rated there, so this tab must move on.
   */
  async applyRemote(message: SyncMessage): Promise<boolean> {
    // Settings changed elsewhere are read back with the log: a reload adopts the stored settings and replays.
    if (message.type === 'reload' || message.type === 'settings') {
      const [loaded, snapshot, visited] = await Promise.all([
        this.#store.load(),
        this.#store.loadSnapshot().catch(() => undefined),
        this.#store.loadVisits(),
      ]);
      // An import brings the guides read elsewhere: their new cards come first from now on.
      if (this.#reading) this.#reading = { ...this.#reading, visited };
      // The stored settings are the truth after a reload: an import that replaced them also replayed
      // the log with them (the worker's snapshot), so adopting them first lets that snapshot match.
      if (JSON.stringify(loaded.settings) !== JSON.stringify(this.#settings)) {
        this.#settings = loaded.settings;
        this.#scheduler = createScheduler(loaded.settings);
      }
      // Hundreds of thousands of entries after an import: every pass over them goes in slices.
      const entries = new Map<string, ReviewEntry>();
      await inSlices(loaded.entries.length, ENTRY_SLICE, (from, to) => {
        for (let i = from; i < to; i++) {
          const entry = loaded.entries[i] as ReviewEntry;
          entries.set(entry.id, entry);
        }
      });
      this.#entries = entries;
      await yieldToMain();
      this.setMarks(loaded.marks);
      const restored = await restoreOrReplayInSlices(this.#scheduler, loaded.entries, this.#settings, snapshot);
      this.#states = restored.states;
      this.#undo = this.#undo.filter((entry) => this.#entries.has(entry.id));
      return this.#current !== null && this.#ratedSinceShown(this.#current);
    }
    if (message.type === 'marks') return this.applyMarks(message.added, message.removed);
    if (message.type === 'appended') {
      if (this.#entries.has(message.entry.id)) return false;
      this.#remember(message.entry);
      return (
        this.#current !== null && this.#current.card.id === message.entry.cardId && this.#ratedSinceShown(this.#current)
      );
    }
    const known = this.#entries.get(message.id);
    if (known) this.#forget(known);
    return false;
  }

  /** Replaces the settings; intervals are replayed with the new retention and maximum. */
  async updateSettings(settings: ReviewSettings): Promise<void> {
    this.#settings = settings;
    this.#scheduler = createScheduler(settings);
    this.#states = replayLog(this.#scheduler, [...this.#entries.values()]);
    try {
      await this.#store.saveSettings(settings);
      this.#wrote();
    } catch (error) {
      await this.#degrade(error);
      await this.#store.saveSettings(settings);
    }
  }

  #show(card: DeckCard, kind: CurrentCard['kind'], now: number): CurrentCard {
    const knownIds = new Set(
      [...this.#entries.values()].filter((entry) => entry.cardId === card.id).map((entry) => entry.id),
    );
    return { card, kind, shownAt: now, edited: this.isEdited(card), knownIds };
  }

  /**
   * The time a new entry for `cardId` is logged at: now, but never before the
   * card was shown or before its last entry, so the log's time order is the
   * order things happened here even after the clock went back or an entry came
   * from a clock that runs a little ahead.
   */
  #stampFor(cardId: string, shownAt: number): number {
    const last = this.#states.get(cardId)?.lastEntryAt ?? 0;
    return Math.max(this.#now(), shownAt, last + 1);
  }

  #ratedSinceShown(current: CurrentCard): boolean {
    const guard = { notRatedSince: current.shownAt, knownIds: current.knownIds };
    return [...this.#entries.values()].some((e) => e.cardId === current.card.id && answeredElsewhere(e, guard));
  }

  #kindOf(cardId: string): CurrentCard['kind'] {
    const state = this.#states.get(cardId)?.card.state ?? State.New;
    return state === State.New ? 'new' : state === State.Review ? 'review' : 'learning';
  }

  #count(grade: Grade, delta: 1 | -1): void {
    this.tally.reviewed += delta;
    this.tally.byGrade[grade] += delta;
  }

  async #append(entry: ReviewEntry, guard?: AppendGuard): Promise<'added' | 'already-rated'> {
    let result: 'added' | 'already-rated';
    try {
      result = await this.#store.append(entry, guard);
      this.#wrote();
    } catch (error) {
      await this.#degrade(error);
      result = await this.#store.append(entry, guard);
    }
    if (result === 'added') {
      this.#remember(entry);
      this.#broadcast({ type: 'appended', entry });
    }
    return result;
  }

  /** A write reached IndexedDB (writes to memory prove nothing about storage). */
  #wrote(): void {
    if (this.#store.persistent) this.health.record({ kind: 'written' });
  }

  /** Storage failed (quota, eviction): carry on in memory and say so. */
  async #degrade(error: unknown): Promise<void> {
    if (!this.#store.persistent) return;
    this.health.record({ kind: 'write-failed', error });
    // Loaded on use: most sessions never need it.
    const { MemoryProgressStore } = await import('../store/memory-store.ts');
    this.#store = new MemoryProgressStore([...this.#entries.values()], this.#settings, this.marks());
  }

  async #refreshCard(cardId: string): Promise<void> {
    for (const entry of await this.#store.entriesForCard(cardId)) {
      if (!this.#entries.has(entry.id)) this.#remember(entry);
    }
  }

  #remember(entry: ReviewEntry): void {
    this.#entries.set(entry.id, entry);
    const previous = this.#states.get(entry.cardId);
    // An entry older than the card's last one (from another device or tab) changes history: replay it.
    if (!previous || entry.reviewedAt > previous.lastEntryAt) {
      this.#states.set(entry.cardId, applyEntry(this.#scheduler, previous, entry));
    } else {
      this.#replay(entry.cardId);
    }
  }

  #forget(entry: ReviewEntry): void {
    this.#entries.delete(entry.id);
    this.#replay(entry.cardId);
  }

  #replay(cardId: string): void {
    const state = replayCard(
      this.#scheduler,
      [...this.#entries.values()].filter((e) => e.cardId === cardId),
    );
    if (state) this.#states.set(cardId, state);
    else this.#states.delete(cardId);
  }
}
