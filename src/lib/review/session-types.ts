import type { DeckCard } from '../deck-schema.ts';
import type { MarkEntry, ReviewEntry, ReviewSettings } from '../review-log/schema.ts';
import type { QueueItem, ReadingFirst } from '../srs/queue.ts';
import type { ReplayedCard } from '../srs/replay.ts';
import type { Grade, Scheduler } from '../srs/scheduler.ts';
import type { ProgressStore } from '../store/progress-types.ts';
import type { StorageHealth } from '../store/storage-status.ts';
import type { SyncMessage } from '../store/sync.ts';

/** The shapes of a review session's options and answers (`session.ts`). */

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
