import type { AstroIntegration } from 'astro';

/** Builds the flashcard deck from content/ (filled in by the deck-builder work). */
export function deckIntegration(): AstroIntegration {
  return { name: 'vibe-check:deck', hooks: {} };
}
