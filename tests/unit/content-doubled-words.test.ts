import { readFileSync } from 'node:fs';
import type { Root, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { listMdxFiles, parseMdx } from '../../src/deck/index.ts';

/**
 * A doubled word ("at at") is the typo a proofreader's eye skips, and in this content it hides
 * across markup: "load at <C>at most two</C>" reads fine in the source and doubles on the page.
 * So the check reads each block as a reader sees it, with the markup taken out.
 */

const CONTENT = new URL('../../content/', import.meta.url).pathname;

/** Card and question attributes a reader sees as text (the same set the word count reads). */
const READ_ATTRIBUTES = new Set(['q', 'moment', 'why', 'situation']);

/** Blocks whose text a reader meets as one run of words. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

const textOf = (node: Root | RootContent): string => {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if ('children' in node) return node.children.map(textOf).join('');
  return '';
};

/** Every run of visible text in one MDX tree: prose blocks, inline component bodies and read attributes. */
function visibleRuns(tree: Root): string[] {
  const runs: string[] = [];
  const visit = (node: Root | RootContent): void => {
    if (node.type === 'yaml' || node.type === 'code') return;
    if (BLOCKS.has(node.type)) runs.push(textOf(node));
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      // A one-line component such as <Cloze> holds its text directly, with no paragraph around it.
      if (node.type === 'mdxJsxFlowElement' && node.children.some((child) => !BLOCKS.has(child.type))) {
        runs.push(textOf(node));
      }
      for (const attribute of node.attributes) {
        if (attribute.type === 'mdxJsxAttribute' && READ_ATTRIBUTES.has(attribute.name)) {
          if (typeof attribute.value === 'string') runs.push(attribute.value);
        }
      }
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return runs;
}

/** The doubled words in a run of text, such as "at at"; case and line breaks do not hide one. */
function findDoubledWords(text: string): string[] {
  return [...text.matchAll(/(?<![\p{L}\p{N}'’-])([\p{L}]+)\s+\1(?![\p{L}\p{N}'’-])/giu)].map((match) => match[0]);
}

const parseOrThrow = (source: string, file: string): Root => {
  const parsed = parseMdx(source, file);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return parsed.tree;
};

describe('findDoubledWords', () => {
  it('finds a doubled word across a line break and in any case', () => {
    expect(findDoubledWords('puts the load at\nAt most two')).toEqual(['at\nAt']);
  });

  it('leaves a word that only starts like the one before it alone', () => {
    expect(findDoubledWords('at atoms, the then, 2 2, a-a a')).toEqual([]);
  });

  it('reads a cloze as the page shows it, with its deletion filled in', () => {
    const tree = parseOrThrow('<Cloze id="x">The load at <C hint="a rate">at most two</C> a shift.</Cloze>', 'x.mdx');
    expect(visibleRuns(tree).flatMap(findDoubledWords)).toEqual(['at at']);
  });

  it('reads a card’s question attribute and its answer', () => {
    const tree = parseOrThrow('<Card id="x" q="Why the the ranker?">\nBecause of of it.\n</Card>', 'x.mdx');
    expect(visibleRuns(tree).flatMap(findDoubledWords).sort()).toEqual(['of of', 'the the']);
  });
});

describe('the guides have no doubled words', () => {
  it.each(listMdxFiles(CONTENT).map((file) => [file]))('%s', (file) => {
    const tree = parseOrThrow(readFileSync(`${CONTENT}${file}`, 'utf8'), file);
    expect(visibleRuns(tree).flatMap(findDoubledWords)).toEqual([]);
  });
});
