import { compareCodeUnits } from '../compare.ts';
import type { DeckCard } from '../deck-schema.ts';
import { compareEntries } from '../review-log/order.ts';
import type { ReviewEntry } from '../review-log/schema.ts';
import type { CardHolds } from '../srs/holds.ts';
import type { ReplayedCard } from '../srs/replay.ts';
import { State, type Scheduler } from '../srs/scheduler.ts';

/** What the card browser says a card is: its FSRS state, unless held or gone from the deck. */
export const CARD_STATES = ['new', 'learning', 'review', 'relearning', 'suspended', 'buried', 'retired'] as const;
export type CardState = (typeof CARD_STATES)[number];

/** One line of the card browser. */
export interface CardRow {
  id: string;
  /** The question as plain text ("" for a retired card: its text is gone with it). */
  front: string;
  /** The guide section it links to (null when retired). */
  concept: string | null;
  conceptTitle: string;
  section: string | null;
  tags: readonly string[];
  state: CardState;
  /** Epoch ms (null while new). */
  due: number | null;
  /** FSRS stability in days (null while new). */
  stability: number | null;
  /** Probability of recall now (null while new). */
  retrievability: number | null;
  /** The last entry's rating: 0 = reset, 1–4 = Again…Easy; null with no history. */
  lastRating: number | null;
  lapses: number;
  /** Epoch ms of its latest entry (0 with none): a reset is logged after it. */
  lastEntryAt: number;
  /** The card's content hash to log with a reset (the deck's, or the last one logged for a retired card). */
  hash: string;
}

export interface RowsInput {
  cards: readonly DeckCard[];
  states: ReadonlyMap<string, ReplayedCard>;
  /** Each card's latest entry (`lastEntries`; the collection keeps it per card). */
  last: ReadonlyMap<string, ReviewEntry>;
  holds: CardHolds;
  scheduler: Scheduler;
  now: number;
  /** The plain text of a card's front (HTML); the page passes a DOM-based one. */
  textOf: (html: string) => string;
}

const FSRS_STATES: Record<State, CardState> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};

/** Each card's latest entry in log order (`compareEntries`), in one pass over the log. */
export function lastEntries(entries: readonly ReviewEntry[]): Map<string, ReviewEntry> {
  const last = new Map<string, ReviewEntry>();
  for (const entry of entries) {
    const current = last.get(entry.cardId);
    if (!current || compareEntries(entry, current) > 0) last.set(entry.cardId, entry);
  }
  return last;
}

/**
 * Every card of the deck, then every card the log knows that the deck no longer
 * has ("retired": its history is kept, never dropped), with its state now.
 */
export function buildCardRows({ cards, states, last, holds, scheduler, now, textOf }: RowsInput): CardRow[] {
  const row = (id: string, card: DeckCard | undefined): CardRow => {
    const replayed = states.get(id);
    const memory = replayed?.card;
    const fresh = !memory || memory.state === State.New;
    const state: CardState = !card
      ? 'retired'
      : holds.suspended.has(id)
        ? 'suspended'
        : holds.buried.has(id)
          ? 'buried'
          : FSRS_STATES[memory?.state ?? State.New];
    return {
      id,
      front: card ? textOf(card.front) : '',
      concept: card?.concept ?? null,
      conceptTitle: card ? card.conceptTitle.join(' › ') : '',
      section: card?.section ?? null,
      tags: card?.tags ?? [],
      state,
      due: fresh ? null : memory.due.getTime(),
      stability: fresh ? null : memory.stability,
      retrievability: fresh ? null : scheduler.retrievability(memory, now),
      lastRating: last.get(id)?.rating ?? null,
      lapses: memory?.lapses ?? 0,
      lastEntryAt: Math.max(replayed?.lastEntryAt ?? 0, last.get(id)?.reviewedAt ?? 0),
      hash: card?.hash ?? replayed?.lastHash ?? last.get(id)?.cardHash ?? '0000000000000000',
    };
  };
  const inDeck = new Set(cards.map((card) => card.id));
  const rows = cards.map((card) => row(card.id, card));
  const retired = [...new Set([...states.keys(), ...last.keys()])]
    .filter((id) => !inDeck.has(id))
    .sort(compareCodeUnits);
  for (const id of retired) rows.push(row(id, undefined));
  return rows;
}

export interface RowFilter {
  section: string;
  tag: string;
  state: CardState | '';
  /** Words that must all appear in the front, the concept or the id (case-insensitive). */
  text: string;
}

export const NO_FILTER: RowFilter = { section: '', tag: '', state: '', text: '' };

/** The rows that pass every part of the filter ("" means any). */
export function filterRows(rows: readonly CardRow[], filter: RowFilter): CardRow[] {
  const words = filter.text.toLowerCase().split(/\s+/u).filter(Boolean);
  return rows.filter((row) => {
    if (filter.section && row.section !== filter.section) return false;
    if (filter.tag && !row.tags.includes(filter.tag)) return false;
    if (filter.state && row.state !== filter.state) return false;
    if (words.length === 0) return true;
    const haystack = `${row.front} ${row.conceptTitle} ${row.id}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

export const SORT_KEYS = [
  'front',
  'concept',
  'state',
  'due',
  'stability',
  'retrievability',
  'lastRating',
  'lapses',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Each sort key as the table's caption names it. */
export const SORT_LABELS: Record<SortKey, string> = {
  front: 'card',
  concept: 'concept',
  state: 'state',
  due: 'due date',
  stability: 'stability',
  retrievability: 'recall now',
  lastRating: 'last rating',
  lapses: 'lapses',
};
export type SortDirection = 'ascending' | 'descending';

const value = (row: CardRow, key: SortKey): string | number | null => {
  if (key === 'front') return row.front || row.id;
  if (key === 'concept') return row.conceptTitle;
  if (key === 'state') return CARD_STATES.indexOf(row.state);
  return row[key];
};

/**
 * Rows sorted by one column; empty values (a new card's due date) go last in
 * both directions, ties keep id order, so the result is the same on every run.
 */
export function sortRows(rows: readonly CardRow[], key: SortKey, direction: SortDirection): CardRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a, key);
    const y = value(b, key);
    if (x === null || y === null) return x === y ? compareCodeUnits(a.id, b.id) : x === null ? 1 : -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : compareCodeUnits(String(x), String(y));
    return sign * order || compareCodeUnits(a.id, b.id);
  });
}
