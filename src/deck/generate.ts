import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { GuideFrontmatter } from '../lib/guide-schema.ts';
import type { NoteContent, NoteRecord } from './model.ts';

/** What the generators need to know about a page. */
export interface GeneratorPage {
  id: string;
  url: string;
  frontmatter: GuideFrontmatter;
}

/** Names of the framework's phases by number, so a phase card can name its neighbours. */
export type PhaseNames = ReadonlyMap<number, string>;

/**
 * Cards generated from structured frontmatter: archetype tells, verdict and
 * recovery; phase order, purpose, key questions and time budget; a practice
 * prompt's north star and binding constraint. Ids derive from the page id and
 * the fact they test (`gen-phases-constraints-purpose`), so they survive edits
 * to the wording.
 */
export function generateNotes(page: GeneratorPage, phaseNames: PhaseNames): NoteRecord[] {
  const { archetype, phase, practice, title } = page.frontmatter;
  const prefix = `gen-${page.id.split('/').join('-')}`;
  const notes: NoteRecord[] = [];
  const add = (suffix: string, tags: string[], content: NoteContent): void => {
    notes.push({
      id: `${prefix}-${suffix}`,
      place: { line: 1, column: 1 },
      origin: 'generated',
      content,
      concept: page.url,
      conceptTitle: [title],
      tags,
      also: [],
    });
  };

  if (archetype) {
    const who = lowerLeadingThe(title);
    add(
      'summary',
      ['archetype'],
      basic([p(`What does ${who} do in the first minutes of the round?`)], [p(archetype.summary)]),
    );
    archetype.tells.forEach((tell, i) => {
      add(
        `tell-${i + 1}`,
        ['archetype', 'tell'],
        basic([p('Which archetype does this tell give away?'), p(em(tell))], [p(title)]),
      );
    });
    add(
      'verdict',
      ['archetype'],
      basic([p(`What does the interviewer conclude after watching ${who}?`)], [p(archetype.verdict)]),
    );
    add(
      'recovery',
      ['archetype', 'recovery'],
      basic([p(`You catch yourself acting as ${who}. How do you recover?`)], [list(archetype.recovery)]),
    );
  }

  if (phase) {
    const name = phase.name;
    const before = phaseNames.get(phase.number - 1);
    const after = phaseNames.get(phase.number + 1);
    const neighbours = [before ? `after ${before}` : '', after ? `before ${after}` : ''].filter(Boolean).join(', ');
    add(
      'order',
      ['phase'],
      basic(
        [p(`Which of the five phases is ${name}?`)],
        [p(`Phase ${phase.number} of 5${neighbours ? `, ${neighbours}` : ''}.`)],
      ),
    );
    add('purpose', ['phase'], basic([p(`What is phase ${phase.number} (${name}) for?`)], [p(phase.purpose)]));
    add(
      'key-questions',
      ['phase', 'questions'],
      basic([p(`Which questions must you ask in phase ${phase.number} (${name})?`)], [list(phase.keyQuestions)]),
    );
    add('budget', ['phase', 'timing'], {
      kind: 'cloze',
      body: [
        {
          type: 'paragraph',
          children: [
            text(`In a 45-minute round, phase ${phase.number} (${name}) gets `),
            deletion(1, 'minutes', `${phase.minutes45} minutes`),
            text('; in a 60-minute round it gets '),
            deletion(2, 'minutes', `${phase.minutes60} minutes`),
            text('.'),
          ],
        },
      ],
    });
  }

  if (practice) {
    const prompt = [p('Practice prompt:'), p(em(practice.prompt))];
    add('north-star', ['prompt'], basic([...prompt, p('What is the north-star metric?')], [p(practice.northStar)]));
    add(
      'binding-constraint',
      ['prompt'],
      basic([...prompt, p('Which constraint shapes the design most?')], [p(practice.bindingConstraint)]),
    );
  }
  return notes;
}

/** Phase names from every page that declares a phase. */
export function collectPhaseNames(pages: readonly GeneratorPage[]): Map<number, string> {
  const names = new Map<number, string>();
  for (const page of pages)
    if (page.frontmatter.phase) names.set(page.frontmatter.phase.number, page.frontmatter.phase.name);
  return names;
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

function list(items: readonly string[]): RootContent {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((item) => ({ type: 'listItem', spread: false, children: [p(item)] })),
  };
}

function deletion(n: number, hint: string, value: string): MdxJsxTextElement {
  return {
    type: 'mdxJsxTextElement',
    name: 'C',
    attributes: [
      { type: 'mdxJsxAttribute', name: 'n', value: String(n) },
      { type: 'mdxJsxAttribute', name: 'hint', value: hint },
    ],
    children: [text(value)],
  };
}

/** "The Premature Optimizer" reads as "the Premature Optimizer" mid-sentence. */
function lowerLeadingThe(title: string): string {
  return title.startsWith('The ') ? `the ${title.slice(4)}` : title;
}
