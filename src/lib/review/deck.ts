import { conceptWithin } from '../concepts.ts';
import type { Deck, DeckCard } from '../deck-schema.ts';

/** The deck version this page understands (type-checked against the deck schema). */
const EXPECTED_VERSION: Deck['version'] = 1;

/**
 * Fetches the deck. The deck builder validates it against the zod schema at build
 * time; the page only checks it is a deck of the version it understands, which
 * keeps the schema library out of the review page's JS.
 */
export async function loadDeck(url: string): Promise<DeckCard[]> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The deck could not be loaded (HTTP ${response.status}).`);
  const data = (await response.json()) as Partial<Deck> | null;
  if (!data || data.version !== EXPECTED_VERSION || !Array.isArray(data.cards)) {
    throw new Error('The deck file is not one this page understands. Reload the page to update the site.');
  }
  return data.cards;
}

export interface DeckFilter {
  section: string | null;
  tag: string | null;
}

/** Cards matching a section and/or tag filter, in deck order. */
export function filterCards(cards: readonly DeckCard[], filter: DeckFilter): DeckCard[] {
  return cards.filter(
    (card) => (!filter.section || card.section === filter.section) && (!filter.tag || card.tags.includes(filter.tag)),
  );
}

/**
 * Cards linked to any of the given concepts (the `?concepts=` filter drill mode
 * links to); a page URL without `#` takes in every section of that page. An
 * empty list keeps every card.
 */
export function filterByConcepts(cards: readonly DeckCard[], concepts: readonly string[]): DeckCard[] {
  if (concepts.length === 0) return [...cards];
  return cards.filter((card) => card.concepts.some((c) => concepts.some((want) => conceptWithin(c, want))));
}

/** The cards a guide holds (their own concept is the page or one of its sections), for `?page=`. */
export function cardsOfPage(cards: readonly DeckCard[], page: string | null): DeckCard[] {
  return page === null ? [...cards] : cards.filter((card) => conceptWithin(card.concept, page));
}

/**
 * Readable names for a `?concepts=` filter ("Constraints › Latency budget"), in
 * the order given, from the titles of the cards that belong to them: a page URL
 * gets the page's title. Concepts no card belongs to are left out.
 */
export function conceptLabels(cards: readonly DeckCard[], concepts: readonly string[]): string[] {
  const labels = concepts.flatMap((want) => {
    const card = cards.find((c) => conceptWithin(c.concept, want));
    if (!card) return [];
    return [want.includes('#') ? card.conceptTitle.join(' › ') : (card.conceptTitle[0] ?? want)];
  });
  return [...new Set(labels)];
}

/** Every tag in the deck, sorted. */
export function deckTags(cards: readonly DeckCard[]): string[] {
  return [...new Set(cards.flatMap((card) => card.tags))].sort();
}
