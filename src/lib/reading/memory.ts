/**
 * What a guide shows about the reader's memory of each section: a level per
 * card from FSRS retrievability now, the weakest card's level per section, and
 * the page's "N cards here · M due now". DOM-free; the overlay draws it.
 */

import { RECALL_THRESHOLDS, recallLevel, type RecallLevel } from '../srs/recall-levels.ts';

export type MemoryLevel = 'unseen' | RecallLevel;

const pct = (p: number) => `${Math.round(p * 100)}%`;

/** The thresholds in words, shown on the page (the legend and each mark's title). */
export const MEMORY_LEGEND =
  `Strong: ${pct(RECALL_THRESHOLDS.strong)} or more chance of recall now. ` +
  `Fading: ${pct(RECALL_THRESHOLDS.forgotten)} to ${pct(RECALL_THRESHOLDS.strong)}. ` +
  `Forgotten: under ${pct(RECALL_THRESHOLDS.forgotten)}, or last answered Forgot. ` +
  'Unseen: no card of the section answered yet. The weakest card sets the section.';

/** One card as the overlay needs it; `null` for a card never answered (or reset). */
export type CardMemory = {
  /** FSRS probability of recall now. */
  retrievability: number;
  /** The last rating, 1 (Again) … 4 (Easy). */
  lastRating: number;
  /** Epoch ms the card is due. */
  due: number;
} | null;

export function cardLevel(memory: CardMemory): MemoryLevel {
  if (memory === null) return 'unseen';
  return memory.lastRating === 1 ? 'forgotten' : recallLevel(memory.retrievability);
}

const WEAKNESS: Record<MemoryLevel, number> = { unseen: 0, strong: 1, fading: 2, forgotten: 3 };

/** A section's level: its weakest answered card's, or unseen when none was answered. */
export function sectionLevel(cards: readonly CardMemory[]): MemoryLevel {
  let level: MemoryLevel = 'unseen';
  for (const card of cards) {
    const next = cardLevel(card);
    if (WEAKNESS[next] > WEAKNESS[level]) level = next;
  }
  return level;
}

/** Cards on the page, and those answered before whose due time has come. */
export function pageSummary(cards: readonly CardMemory[], now: number): { cards: number; due: number } {
  return { cards: cards.length, due: cards.filter((card) => card !== null && card.due <= now).length };
}

/** Whether the reader has answered any card of the page: without that, nothing is shown. */
export function hasProgress(cards: readonly CardMemory[]): boolean {
  return cards.some((card) => card !== null);
}
