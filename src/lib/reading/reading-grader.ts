import { newEntryId } from '../review-log/entry-id.ts';
import { newMark } from '../review-log/new-mark.ts';
import type { MarkEntry, MarkKind, ReviewEntry } from '../review-log/schema.ts';
import { cardHolds, type CardHolds } from '../srs/holds.ts';
import { restoreOrReplay } from '../srs/replay-cache.ts';
import { replayCard } from '../srs/replay.ts';
import { createScheduler, type Grade } from '../srs/scheduler.ts';
import type { ProgressStore } from '../store/progress-store.ts';
import type { SyncMessage } from '../store/sync.ts';

/** A deck card behind a prompt on a guide (a cloze prompt has one per deletion group). */
export interface PromptCard {
  id: string;
  hash: string;
}

/** A prompt whose answer the reader is looking at. */
export interface ShownPrompt {
  cards: readonly PromptCard[];
  shownAt: number;
  /** Each card's entries when it was shown: those are not "answered in another tab". */
  known: ReadonlyMap<string, readonly ReviewEntry[]>;
}

export type GradeOutcome =
  { outcome: 'rated'; entries: ReviewEntry[]; nextDue: number } | { outcome: 'already-rated'; entries: ReviewEntry[] };

export interface ReadingGraderOptions {
  store: ProgressStore;
  now?: () => number;
  /** Tells other tabs (an open /review/) about each change. */
  broadcast?: (message: SyncMessage) => void;
}

/**
 * Grades prompts where they stand in a guide: each grade is a review entry in
 * the same log as /review/ (marked `source: 'reading'`), scheduled by the same
 * FSRS with the reader's settings. A cloze prompt answers all its deletion
 * groups at once, so one grade rates each of its cards. DOM-free: `<check-card>`
 * drives it, tests use the in-memory store.
 */
export class ReadingGrader {
  readonly #store: ProgressStore;
  readonly #now: () => number;
  readonly #broadcast: (message: SyncMessage) => void;

  constructor(options: ReadingGraderOptions) {
    this.#store = options.store;
    this.#now = options.now ?? Date.now;
    this.#broadcast = options.broadcast ?? (() => {});
  }

  /** The reader revealed the answer: remember what the log held then. */
  async show(cards: readonly PromptCard[]): Promise<ShownPrompt> {
    const shownAt = this.#now();
    const known = new Map<string, readonly ReviewEntry[]>();
    for (const card of cards) known.set(card.id, await this.#store.entriesForCard(card.id));
    return { cards, shownAt, known };
  }

  /** Rates every card of the prompt; refused for a card another tab answered since it was shown. */
  async grade(shown: ShownPrompt, grade: Grade): Promise<GradeOutcome> {
    const scheduler = createScheduler(await this.#store.loadSettings());
    const entries: ReviewEntry[] = [];
    let nextAt = Number.POSITIVE_INFINITY;
    for (const card of shown.cards) {
      const history = shown.known.get(card.id) ?? [];
      const before = replayCard(scheduler, history);
      const now = this.#now();
      const entry: ReviewEntry = {
        id: newEntryId(),
        cardId: card.id,
        rating: grade,
        // Never before the card's last entry, so the log's order is the order things happened.
        reviewedAt: Math.max(now, shown.shownAt, (before?.lastEntryAt ?? 0) + 1),
        cardHash: card.hash,
        source: 'reading',
      };
      const guard = { notRatedSince: shown.shownAt, knownIds: new Set(history.map((e) => e.id)) };
      if ((await this.#store.append(entry, guard)) === 'already-rated') {
        return { outcome: 'already-rated', entries };
      }
      this.#broadcast({ type: 'appended', entry });
      entries.push(entry);
      const after = replayCard(scheduler, [...history, entry]);
      if (after) nextAt = Math.min(nextAt, after.card.due.getTime());
    }
    return { outcome: 'rated', entries, nextDue: nextAt };
  }

  /** Takes a grade back: its entries leave the log (and other tabs' queues). */
  async undo(entries: readonly ReviewEntry[]): Promise<void> {
    for (const entry of entries) {
      await this.#store.remove(entry.id);
      this.#broadcast({ type: 'removed', id: entry.id, cardId: entry.cardId });
    }
  }

  /** Whether any card of the prompt is suspended (the prompt then says so, with Unsuspend). */
  async suspended(cards: readonly PromptCard[]): Promise<boolean> {
    const { suspended } = cardHolds(await this.#store.loadMarks(), this.#now());
    return cards.some((card) => suspended.has(card.id));
  }

  /**
   * Suspends, unsuspends or buries the prompt's cards: one mark per card it
   * changes (as the card browser does), so undoing removes exactly these.
   * Other tabs hear of them, and an open /review/ drops (or takes back) the cards.
   */
  async hold(cards: readonly PromptCard[], kind: MarkKind): Promise<MarkEntry[]> {
    const existing = await this.#store.loadMarks();
    const now = this.#now();
    const holds = cardHolds(existing, now);
    const marks = cards
      .filter((card) => changes(holds, kind, card.id))
      .map((card) => {
        if (kind === 'bury') return newMark(kind, card.id, now);
        // After the card's latest switch, so this one wins even within one millisecond (ties go by random id).
        const switches = existing.filter((m) => m.cardId === card.id && m.kind !== 'bury');
        return newMark(kind, card.id, Math.max(now, ...switches.map((m) => m.at + 1)));
      });
    if (marks.length === 0) return marks;
    await this.#store.appendBatch({ entries: [], marks });
    this.#broadcast({ type: 'marks', added: marks, removed: [] });
    return marks;
  }

  /** Takes a suspension or burial back: its marks leave the store (and other tabs' holds). */
  async unhold(marks: readonly MarkEntry[]): Promise<void> {
    await this.#store.removeBatch({ entries: [], marks });
    this.#broadcast({ type: 'marks', added: [], removed: marks.map((mark) => mark.id) });
  }

  /**
   * Stores the replayed states of the whole log, as /review/ does when it is
   * hidden: the guide's memory overlay reads them on the next visit instead of
   * loading the scheduler.
   */
  async saveReplay(): Promise<void> {
    const [{ entries }, settings, stored] = await Promise.all([
      this.#store.load(),
      this.#store.loadSettings(),
      this.#store.loadSnapshot().catch(() => undefined),
    ]);
    const { states, reused, fingerprint } = restoreOrReplay(createScheduler(settings), entries, settings, stored);
    if (!reused) await this.#store.saveSnapshot({ fingerprint, states: [...states] });
  }
}

/** Whether a `kind` mark changes the card: suspend what is not suspended, and so on. */
function changes(holds: CardHolds, kind: MarkKind, cardId: string): boolean {
  if (kind === 'unsuspend') return holds.suspended.has(cardId);
  if (kind === 'suspend') return !holds.suspended.has(cardId);
  return !holds.buried.has(cardId);
}
