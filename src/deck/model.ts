import type { PhrasingContent, RootContent } from 'mdast';
import type { GuideFrontmatter } from '../lib/guide-schema.ts';
import type { RuleAllowance } from './attributes.ts';
import type { Place, Problem } from './problems.ts';

/** A heading of a guide page: a concept other content can link to. */
export interface ConceptHeading {
  /** The element id Astro gives the heading (github-slugger over its smartened text). */
  slug: string;
  text: string;
  depth: number;
  place: Place;
  /** Page title, then the text of each enclosing heading, then this heading's text. */
  titlePath: string[];
}

/** An extra concept URL named in an `also` attribute. */
export interface AlsoLink {
  url: string;
  place: Place;
}

/** `allow-similar="other-id: reason"`: a similar note this one is meant to sit beside, and why. */
export interface SimilarAllowance {
  id: string;
  reason: string;
  place: Place;
}

/**
 * What a note shows, before rendering. Basic fronts are plain text (`q`) or
 * phrasing content; cloze bodies keep their `<C>` elements as MDX JSX nodes.
 */
export type NoteContent =
  { kind: 'basic'; front: string | RootContent[]; back: RootContent[] } | { kind: 'cloze'; body: RootContent[] };

/** A note (one or more cards) or a question, authored in MDX or generated from frontmatter. */
export interface NoteRecord {
  id: string;
  place: Place;
  origin: 'authored' | 'generated';
  /** `undefined` for a question without `why`: it is searchable but not a card. */
  content: NoteContent | undefined;
  /** Set for `<Question>`: its text, which feeds question search. */
  question?: { text: PhrasingContent[] | RootContent[]; why: string | undefined };
  concept: string;
  conceptTitle: string[];
  tags: string[];
  also: AlsoLink[];
  allowSimilar: SimilarAllowance[];
  /** `allow="rule: reason"`: linter warnings the note's reader kept on purpose. */
  allow: RuleAllowance[];
}

/** Everything the builder learned from one content file. */
export interface PageRecord {
  /** Path relative to the content folder. */
  file: string;
  /** Astro content id (`phases/constraints`). */
  id: string;
  /** `/phases/constraints/` */
  url: string;
  frontmatter: GuideFrontmatter;
  /** Where the frontmatter fields that generate cards are written. */
  fieldPlaces: Record<string, Place>;
  headings: ConceptHeading[];
  notes: NoteRecord[];
}

/** What the per-file stage learns from one guide; independent of every other file. */
export interface FileResult {
  page: PageRecord | undefined;
  problems: Problem[];
}

/**
 * The card id of a basic note. A question's card tests something other than the
 * retired "Why ask …?" card that used the question's id, so it gets its own.
 */
export function basicCardId(note: Pick<NoteRecord, 'id' | 'question'>): string {
  return note.question ? `${note.id}.ask` : note.id;
}
