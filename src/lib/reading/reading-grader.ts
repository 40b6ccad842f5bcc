import { newEntryId } from '../review-log/entry-id.ts';
import { newMark } from '../review-log/new-mark.ts';
import type { MarkEntry, MarkKind, ReviewEntry } from '../review-log/schema.ts';
import { cardHolds, type CardHolds } from '../srs/holds.ts';
import { restoreOrReplay } from '../srs/replay-cache.ts';
import { replayCard } from '../srs/replay.ts';
import { createScheduler, type Grade } from '../srs/scheduler.ts';
import type { ProgressLog, WriteOutcome } from '../store/progress-log.ts';
import type { AppendGuard } from '../store/progress-types.ts';
import { nextEntryAt } from '../store/stamps.ts';

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
  | { outcome: 'rated'; entries: ReviewEntry[]; nextDue: number; saved: boolean }
  | { outcome: 'already-rated'; entries: ReviewEntry[]; saved: boolean };

/** Marks appended by a hold (none when nothing changed); `saved` only when they reached storage. */
export interface HoldOutcome {
  marks: MarkEntry[];
  saved: boolean;
}

export interface ReadingGraderOptions {
  /** The write path (storage status, memory fallback, other tabs). */
  log: ProgressLog;
  now?: () => number;
}

/**
 * Grades prompts where they stand in a guide: each grade is a review entry in
 * the same log as /review/ (marked `source: 'reading'`), scheduled by the same
 * FSRS with the reader's settings. A cloze prompt answers all its deletion
 * groups at once, so one grade rates each of its cards, in one batch: all or
 * nothing. DOM-free: `<check-card>` drives it, tests use the in-memory store.
 */
export class ReadingGrader {
  readonly #log: ProgressLog;
  readonly #now: () => number;

  constructor(options: ReadingGraderOptions) {
    this.#log = options.log;
    this.#now = options.now ?? Date.now;
  }

  /** The reader revealed the answer: remember what the log held then. */
  async show(cards: readonly PromptCard[]): Promise<ShownPrompt> {
    const shownAt = this.#now();
    const known = new Map<string, readonly ReviewEntry[]>();
    for (const card of cards) known.set(card.id, await this.#log.store.entriesForCard(card.id));
    return { cards, shownAt, known };
  }

  /** Rates every card of the prompt at once; refused whole when another tab answered a card since it was shown. */
  async grade(shown: ShownPrompt, grade: Grade): Promise<GradeOutcome> {
    const scheduler = createScheduler(await this.#log.store.loadSettings());
    const at = Math.max(this.#now(), shown.shownAt);
    const guards = new Map<string, AppendGuard>();
    const entries: ReviewEntry[] = shown.cards.map((card) => {
      const history = shown.known.get(card.id) ?? [];
      guards.set(card.id, { notRatedSince: shown.shownAt, knownIds: new Set(history.map((e) => e.id)) });
      return {
        id: newEntryId(),
        cardId: card.id,
        rating: grade,
        reviewedAt: nextEntryAt(history, at),
        cardHash: card.hash,
        source: 'reading',
      };
    });
    const written = await this.#log.append(entries, guards);
    if (written.result === 'already-rated') return { outcome: 'already-rated', entries: [], saved: written.saved };
    let nextAt = Number.POSITIVE_INFINITY;
    for (const entry of written.entries) {
      const after = replayCard(scheduler, [...(shown.known.get(entry.cardId) ?? []), entry]);
      if (after) nextAt = Math.min(nextAt, after.card.due.getTime());
    }
    return { outcome: 'rated', entries: written.entries, nextDue: nextAt, saved: written.saved };
  }

  /** Takes a grade back: its entries leave the log (and other tabs' queues). */
  async undo(entries: readonly ReviewEntry[]): Promise<WriteOutcome> {
    return this.#log.remove(entries);
  }

  /** Whether any card of the prompt is suspended (the prompt then says so, with Unsuspend). */
  async suspended(cards: readonly PromptCard[]): Promise<boolean> {
    const { suspended } = cardHolds(await this.#log.store.loadMarks(), this.#now());
    return cards.some((card) => suspended.has(card.id));
  }

  /**
   * Suspends, unsuspends or buries the prompt's cards: one mark per card it
   * changes (as the card browser does), so undoing removes exactly these.
   * Other tabs hear of them, and an open /review/ drops (or takes back) the cards.
   */
  async hold(cards: readonly PromptCard[], kind: MarkKind): Promise<HoldOutcome> {
    const now = this.#now();
    const holds = cardHolds(await this.#log.store.loadMarks(), now);
    // The store dates each mark after its card's latest one, so this one wins even within one millisecond.
    const marks = cards.filter((card) => changes(holds, kind, card.id)).map((card) => newMark(kind, card.id, now));
    if (marks.length === 0) return { marks, saved: this.#log.store.persistent };
    const written = await this.#log.writeBatch({ entries: [], marks });
    return { marks: [...written.batch.marks], saved: written.saved };
  }

  /** Takes a suspension or burial back: its marks leave the store (and other tabs' holds). */
  async unhold(marks: readonly MarkEntry[]): Promise<WriteOutcome> {
    return this.#log.removeBatch({ entries: [], marks });
  }

  /**
   * Stores the replayed states of the whole log, as /review/ does when it is
   * hidden: the guide's memory overlay reads them on the next visit instead of
   * loading the scheduler.
   */
  async saveReplay(): Promise<void> {
    const [{ entries }, settings, stored] = await Promise.all([
      this.#log.store.load(),
      this.#log.store.loadSettings(),
      this.#log.store.loadSnapshot().catch(() => undefined),
    ]);
    const { states, reused, fingerprint } = restoreOrReplay(createScheduler(settings), entries, settings, stored);
    if (!reused) await this.#log.saveSnapshot({ fingerprint, states: [...states] });
  }
}

/** Whether a `kind` mark changes the card: suspend what is not suspended, and so on. */
function changes(holds: CardHolds, kind: MarkKind, cardId: string): boolean {
  if (kind === 'unsuspend') return holds.suspended.has(cardId);
  if (kind === 'suspend') return !holds.suspended.has(cardId);
  return !holds.buried.has(cardId);
}
