import type { DeckCard } from '../deck-schema.ts';
import { newEntryId } from '../review-log/entry-id.ts';
import { RESET_RATING } from '../review-log/constants.ts';
import type { MarkEntry, ReviewEntry, ReviewSettings } from '../review-log/schema.ts';
import { cardHolds, heldCardIds } from '../srs/holds.ts';
import { formatInterval, describeInterval } from '../srs/format.ts';
import { buildQueue, pickNext, queueCounts, type StudyQueue } from '../srs/queue.ts';
import { replayLog, type ReplayedCard } from '../srs/replay.ts';
import { logFingerprint, restoreOrReplay, restoreOrReplayInSlices, type ReplaySnapshot } from '../srs/replay-cache.ts';
import { yieldToMain } from '../yield-to-main.ts';
import { createScheduler, GRADES, State, type Grade, type Scheduler } from '../srs/scheduler.ts';
import { ProgressLog } from '../store/progress-log.ts';
import { answeredElsewhere, type ProgressStore } from '../store/progress-types.ts';
import { nextEntryAt } from '../store/stamps.ts';
import type { StorageHealth } from '../store/storage-status.ts';
import type { SyncMessage } from '../store/sync.ts';
import { CramQueue } from './cram-queue.ts';
import { LogIndex } from './log-index.ts';
import type { ButtonPreview, CurrentCard, QueueStates, RateOutcome, SessionOptions, Tally } from './session-types.ts';

export type { ButtonPreview, CurrentCard, QueueStates, RateOutcome, SessionOptions, Tally } from './session-types.ts';

/**
 * One review session: today's queue over the chosen cards, ratings written through the one
 * write path (`ProgressLog`: storage status, memory fallback, other tabs), undo, and other
 * tabs' changes folded in. The log and its states live in a `LogIndex`, cram's order in a
 * `CramQueue`. No DOM, so it can be tested with an in-memory store.
 */
export class ReviewSession {
  readonly cram: boolean;
  /** Every write of this session (and of the page's holds) goes through it. */
  readonly log: ProgressLog;
  readonly #cards: readonly DeckCard[];
  readonly #byId: Map<string, DeckCard>;
  readonly #now: () => number;
  #reading: SessionOptions['reading'];
  #scheduler: Scheduler;
  #settings: ReviewSettings;
  #index: LogIndex;
  #marks = new Map<string, MarkEntry>();
  #current: CurrentCard | null = null;
  /** Entries this tab added, newest last: what Undo takes back. */
  #undo: ReviewEntry[] = [];
  readonly #cramQueue: CramQueue;
  /** Moves due dates for the queue only (the interview's final pass, once its code has loaded). */
  #queueStates: QueueStates | null = null;
  /** Whether the card states came from the cached snapshot rather than a replay. */
  readonly restoredFromSnapshot: boolean;
  tally: Tally;

  constructor(options: SessionOptions) {
    this.cram = options.cram ?? false;
    this.#cards = options.cards;
    this.#byId = new Map(options.cards.map((card) => [card.id, card]));
    this.#now = options.now ?? Date.now;
    this.#reading = options.reading;
    this.#settings = options.settings;
    this.#scheduler = createScheduler(options.settings);
    const restored = restoreOrReplay(this.#scheduler, options.entries, options.settings, options.snapshot);
    this.#index = new LogIndex(options.entries, restored.states);
    this.restoredFromSnapshot = restored.reused;
    this.log = new ProgressLog({
      store: options.store,
      ...(options.health && { health: options.health }),
      ...(options.broadcast && { broadcast: options.broadcast }),
      // When storage fails, the memory store starts from what this tab knows.
      known: () => ({ entries: this.#index.all(), settings: this.#settings, marks: this.marks() }),
    });
    this.#marks = new Map((options.marks ?? []).map((mark) => [mark.id, mark]));
    const held = this.#held();
    this.#cramQueue = new CramQueue(options.cards.map((card) => card.id).filter((id) => !held.has(id)));
    this.tally = { reviewed: 0, byGrade: { 1: 0, 2: 0, 3: 0, 4: 0 }, startedAt: this.#now() };
  }

  /** What happened to the last write: the page's storage status reads it. */
  get health(): StorageHealth {
    return this.log.health;
  }

  get store(): ProgressStore {
    return this.log.store;
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
    return { fingerprint: logFingerprint(this.#index.all(), this.#settings), states: [...this.#index.states] };
  }

  /** All log entries known to this tab. */
  entries(): ReviewEntry[] {
    return this.#index.all();
  }

  states(): ReadonlyMap<string, ReplayedCard> {
    return this.#index.states;
  }

  /** Lets the interview's final pass put cards in the queue early; the log and the states stay FSRS's. */
  useQueueStates(transform: QueueStates | null): void {
    this.#queueStates = transform;
  }

  queue(): StudyQueue {
    const cardIds = this.#cards.map((card) => card.id);
    const now = this.#now();
    const states = this.#index.states;
    return buildQueue({
      cardIds,
      states: this.#queueStates?.(this.#scheduler, states, cardIds, now, this.#settings) ?? states,
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
    // Cram: a card freed again (an undone suspension) comes back first, unless it was already crammed.
    const freed = this.cram ? [...before].filter((id) => !held.has(id) && this.#byId.has(id)) : [];
    this.#cramQueue.hold(held, freed);
  }

  #held(): Set<string> {
    return heldCardIds(cardHolds(this.#marks.values(), this.#now()));
  }

  /** New / learning / due counts, including the card on screen. */
  counts(): { fresh: number; learning: number; review: number; cram: number } {
    if (this.cram) return { fresh: 0, learning: 0, review: 0, cram: this.#cramQueue.length };
    return { ...queueCounts(this.queue()), cram: 0 };
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
    const cramId = this.#cramQueue.next;
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
    const state = this.#index.states.get(card.id);
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
    const state = this.#index.states.get(current.card.id)?.card ?? this.#scheduler.emptyCard(now);
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
      this.#cramQueue.answered(current.card.id, grade === 1);
      this.#count(grade, 1);
      return 'rated';
    }
    const entry = this.#newEntry(current.card, grade, current.shownAt);
    const guard = { notRatedSince: current.shownAt, knownIds: current.knownIds };
    const written = await this.log.append([entry], new Map([[entry.cardId, guard]]));
    if (written.result === 'already-rated') {
      await this.#refreshCard(entry.cardId);
      return 'already-rated';
    }
    for (const added of written.entries) {
      this.#index.remember(added, this.#scheduler);
      this.#undo.push(added);
    }
    this.#count(grade, 1);
    return 'rated';
  }

  /** Takes back the last rating made in this tab; that card comes back on screen. */
  async undo(): Promise<CurrentCard | null> {
    if (this.cram) {
      return this.#cramQueue.undo() === undefined ? null : this.advance();
    }
    const entry = this.#undo.pop();
    if (!entry) return null;
    await this.log.remove([entry]);
    this.#index.forget(entry, this.#scheduler);
    this.#count(entry.rating as Grade, -1);
    const card = this.#byId.get(entry.cardId);
    this.#current = card ? this.#show(card, this.#kindOf(card.id), this.#now()) : null;
    return this.#current;
  }

  /** Forgets a card's progress (kept in the log as a reset), e.g. after its content changed. */
  async resetCard(cardId: string): Promise<void> {
    const card = this.#byId.get(cardId);
    if (!card) return;
    const written = await this.log.append([this.#newEntry(card, RESET_RATING, this.#now())]);
    if (written.result !== 'added') return;
    for (const added of written.entries) this.#index.remember(added, this.#scheduler);
    if (this.#current?.card.id === cardId) {
      // The reset is this tab's own entry: rating the card next is not "answered elsewhere".
      const knownIds = new Set([...this.#current.knownIds, ...written.entries.map((e) => e.id)]);
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
      await this.#reload();
      return this.#current !== null && this.#ratedSinceShown(this.#current);
    }
    if (message.type === 'marks') return this.applyMarks(message.added, message.removed);
    if (message.type === 'appended') {
      if (this.#index.has(message.entry.id)) return false;
      this.#index.remember(message.entry, this.#scheduler);
      return (
        this.#current !== null && this.#current.card.id === message.entry.cardId && this.#ratedSinceShown(this.#current)
      );
    }
    const known = this.#index.get(message.id);
    if (known) this.#index.forget(known, this.#scheduler);
    return false;
  }

  /** Replaces the settings; intervals are replayed with the new retention and maximum. */
  async updateSettings(settings: ReviewSettings): Promise<void> {
    this.#settings = settings;
    this.#scheduler = createScheduler(settings);
    this.#index.replaceStates(replayLog(this.#scheduler, this.#index.all()));
    await this.log.saveSettings(settings);
  }

  /** Reads the whole log again (an import here or elsewhere, a bulk change in the card browser). */
  async #reload(): Promise<void> {
    const store = this.log.store;
    const [loaded, snapshot, visited] = await Promise.all([
      store.load(),
      store.loadSnapshot().catch(() => undefined),
      store.loadVisits(),
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
    const index = await LogIndex.inSlices(loaded.entries, new Map());
    await yieldToMain();
    this.setMarks(loaded.marks);
    const restored = await restoreOrReplayInSlices(this.#scheduler, loaded.entries, this.#settings, snapshot);
    index.replaceStates(restored.states);
    this.#index = index;
    this.#undo = this.#undo.filter((entry) => index.has(entry.id));
  }

  #newEntry(card: DeckCard, rating: number, shownAt: number): ReviewEntry {
    return {
      id: newEntryId(),
      cardId: card.id,
      rating,
      // Never before the card was shown; the store dates it after the card's last stored entry too.
      reviewedAt: nextEntryAt(this.#index.ofCard(card.id), Math.max(this.#now(), shownAt)),
      cardHash: card.hash,
    };
  }

  #show(card: DeckCard, kind: CurrentCard['kind'], now: number): CurrentCard {
    const knownIds = new Set(this.#index.ofCard(card.id).map((entry) => entry.id));
    return { card, kind, shownAt: now, edited: this.isEdited(card), knownIds };
  }

  #ratedSinceShown(current: CurrentCard): boolean {
    const guard = { notRatedSince: current.shownAt, knownIds: current.knownIds };
    return this.#index.ofCard(current.card.id).some((e) => answeredElsewhere(e, guard));
  }

  #kindOf(cardId: string): CurrentCard['kind'] {
    const state = this.#index.states.get(cardId)?.card.state ?? State.New;
    return state === State.New ? 'new' : state === State.Review ? 'review' : 'learning';
  }

  #count(grade: Grade, delta: 1 | -1): void {
    this.tally.reviewed += delta;
    this.tally.byGrade[grade] += delta;
  }

  async #refreshCard(cardId: string): Promise<void> {
    for (const entry of await this.log.store.entriesForCard(cardId)) {
      if (!this.#index.has(entry.id)) this.#index.remember(entry, this.#scheduler);
    }
  }
}
