import { z } from 'zod';
import { SECTION_IDS } from './sections.ts';

/**
 * The published deck (`/deck.json`) — a contract (docs/architecture.md). The deck
 * builder writes it, the review app reads it, and `/deck.schema.json` is derived
 * from this schema, never written by hand.
 */

export const DECK_VERSION = 1;

/** Site-relative URL of a concept: a guide page, optionally with a heading anchor. */
export const conceptUrlSchema = z
  .string()
  .regex(/^\/[a-z0-9/-]*\/(#[a-z0-9_-]+)?$/u, 'a site-relative URL like /phases/constraints/#latency-budget');

export const cardSchema = z.strictObject({
  /** Stable id. Authored cards use the author's id; cloze cards add `.c<n>` per deletion group. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)*$/u),
  /** Id of the note the card comes from (the author's id); equal to `id` for basic cards. */
  noteId: z.string().min(1),
  kind: z.enum(['basic', 'cloze']),
  /** Question side, HTML. Cloze fronts show the active deletions as `<span class="cloze-blank">`. */
  front: z.string().min(1),
  /** Answer side, HTML. Cloze backs mark the revealed deletions with `<span class="cloze-answer">`. */
  back: z.string().min(1),
  /** The concept the card belongs to: its page plus the nearest heading above it. */
  concept: conceptUrlSchema,
  /** Every concept the card links to, `concept` first. */
  concepts: z.array(conceptUrlSchema).min(1),
  /** Human-readable path to the concept: page title, then heading text. */
  conceptTitle: z.array(z.string().min(1)).min(1),
  /** Sidebar section of the page the card lives in. */
  section: z.enum(SECTION_IDS),
  tags: z.array(z.string().min(1)),
  /** `authored` in MDX, or `generated` from structured frontmatter. */
  origin: z.enum(['authored', 'generated']),
  /** Content file the card comes from, relative to the content folder. */
  source: z.string().min(1),
  /** Hash of kind, front and back: a changed hash tells the review app the card was edited. */
  hash: z.string().regex(/^[0-9a-f]{16}$/u),
});

export const deckSchema = z.strictObject({
  version: z.literal(DECK_VERSION),
  cards: z.array(cardSchema),
});

export type DeckCard = z.infer<typeof cardSchema>;
export type Deck = z.infer<typeof deckSchema>;

/** `/questions.json`: what question search indexes. */
export const questionEntrySchema = z.strictObject({
  /** The question or card id it comes from. */
  id: z.string().min(1),
  /** `question`: a clarifying question from the guides; `card`: a card's front as plain text. */
  kind: z.enum(['question', 'card']),
  /** Plain text of the question. */
  text: z.string().min(1),
  /** Plain text of the answer or the `why` of a question, when there is one. */
  detail: z.string().optional(),
  concept: conceptUrlSchema,
});

export const conceptSchema = z.strictObject({
  url: conceptUrlSchema,
  /** Page title, then the heading text when the concept is a section. */
  titlePath: z.array(z.string().min(1)).min(1),
  section: z.enum(SECTION_IDS),
  /** Aliases and keywords from the page's frontmatter, for paraphrased queries. */
  aliases: z.array(z.string()),
  keywords: z.array(z.string()),
});

export const questionIndexSchema = z.strictObject({
  version: z.literal(DECK_VERSION),
  concepts: z.array(conceptSchema),
  entries: z.array(questionEntrySchema),
});

export type QuestionEntry = z.infer<typeof questionEntrySchema>;
export type Concept = z.infer<typeof conceptSchema>;
export type QuestionIndex = z.infer<typeof questionIndexSchema>;
