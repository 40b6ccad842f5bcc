import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { GuideFrontmatter } from '../lib/guide-schema.ts';
import type { NoteContent, NoteRecord } from './model.ts';
import type { Place } from './problems.ts';

/** What the generators need to know about a page. */
export interface GeneratorPage {
  id: string;
  url: string;
  frontmatter: GuideFrontmatter;
  /** Where each frontmatter field is written, so a finding on a generated card points at its source. */
  fieldPlaces: Readonly<Record<string, Place>>;
}

/**
 * Cards generated from structured frontmatter: a practice prompt's north star
 * and binding constraint, facts a candidate must produce from the prompt alone.
 * Ids derive from the page id and the fact they test
 * (`gen-prompts-feed-ranking-north-star`), so they survive edits to the wording.
 *
 * Retired templates, whose ids must never come back: archetype summary, tells
 * (`tell-N`), verdict and recovery; phase order, purpose, key questions and
 * time budget. They repeated page descriptions and authored cards, asked for
 * lists, or could be guessed from the wording; see the linter (lint/rules.ts).
 */
export function generateNotes(page: GeneratorPage): NoteRecord[] {
  const { practice, title } = page.frontmatter;
  const prefix = `gen-${page.id.split('/').join('-')}`;
  const notes: NoteRecord[] = [];
  const add = (
    suffix: string,
    field: string,
    tags: string[],
    content: NoteContent,
    allowSimilar: NoteRecord['allowSimilar'] = [],
  ): void => {
    notes.push({
      id: `${prefix}-${suffix}`,
      place: page.fieldPlaces[field] ?? { line: 1, column: 1 },
      origin: 'generated',
      content,
      concept: page.url,
      conceptTitle: [title],
      tags,
      also: [],
      allowSimilar,
      allow: [],
    });
  };

  if (practice) {
    const prompt = [p('Practice prompt:'), p(em(practice.prompt))];
    add(
      'north-star',
      'northStar',
      ['prompt'],
      basic([...prompt, p('What is the north-star metric?')], [p(practice.northStar)]),
    );
    add(
      'binding-constraint',
      'bindingConstraint',
      ['prompt'],
      basic([...prompt, p('Which constraint shapes the design most?')], [p(practice.bindingConstraint)]),
      // Both fronts quote the prompt, which makes them look alike; the questions differ.
      [
        {
          id: `${prefix}-north-star`,
          reason: 'same prompt, different question',
          place: page.fieldPlaces['bindingConstraint'] ?? { line: 1, column: 1 },
        },
      ],
    );
  }
  return notes;
}

function basic(front: RootContent[], back: RootContent[]): NoteContent {
  return { kind: 'basic', front, back };
}

function text(value: string): PhrasingContent {
  return { type: 'text', value };
}

function p(content: string | PhrasingContent): Paragraph {
  return { type: 'paragraph', children: [typeof content === 'string' ? text(content) : content] };
}

function em(value: string): PhrasingContent {
  return { type: 'emphasis', children: [text(value)] };
}
