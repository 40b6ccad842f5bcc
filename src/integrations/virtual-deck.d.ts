/** Served by src/integrations/deck-module.ts: the deck of this build, for pages. */
declare module 'virtual:vibe-check/deck' {
  /** null only in `astro dev` with invalid content (`astro build` fails before any page renders). */
  export const deckData: import('../deck/index.ts').DeckData | null;
  /** The content problems, one `path:line:column: message` a line; empty when the deck is valid. */
  export const deckProblems: string;
}
