import type { Nodes, RootContent } from 'mdast';
import { startOf } from '../attributes.ts';
import { deletionHint, deletionNumber, isJsxElement } from '../extract.ts';
import type { NoteRecord } from '../model.ts';
import { hastText, renderHast } from '../render-html.ts';
import type { LintNote, LintPlace } from './rules.ts';

/** Block nodes whose text is kept apart from its neighbours when flattened. */
const BLOCKS: ReadonlySet<string> = new Set([
  'paragraph',
  'listItem',
  'list',
  'heading',
  'blockquote',
  'code',
  'table',
  'tableRow',
  'tableCell',
]);

/** What the linter needs of a note: plain texts, list sizes and cloze deletions with their places. */
export function lintInputOf(note: NoteRecord, file: string): LintNote | undefined {
  const content = note.content;
  if (!content) return undefined;
  const base = {
    id: note.id,
    file,
    line: note.place.line,
    column: note.place.column,
    origin: note.origin,
    allowSimilar: note.allowSimilar.map((a) => ({
      file,
      line: a.place.line,
      column: a.place.column,
      id: a.id,
      reason: a.reason,
    })),
    allow: note.allow.map((a) => ({
      rule: a.rule,
      reason: a.reason,
      file,
      line: a.place.line,
      column: a.place.column,
    })),
  };
  if (content.kind === 'basic') {
    return {
      ...base,
      kind: 'basic',
      front: hastText(renderHast(content.front)),
      answer: hastText(renderHast(content.back)),
      listSizes: listSizesOf(content.back),
      deletions: [],
    };
  }
  const flat = flattenCloze(content.body, { file, line: note.place.line, column: note.place.column });
  let front = '';
  let at = 0;
  for (const deletion of flat.deletions) {
    front += `${flat.text.slice(at, deletion.start)}[…]`;
    at = deletion.end;
  }
  front += flat.text.slice(at);
  return {
    ...base,
    kind: 'cloze',
    front,
    answer: flat.text,
    listSizes: listSizesOf(content.body),
    deletions: flat.deletions,
  };
}

function listSizesOf(nodes: readonly RootContent[]): number[] {
  const sizes: number[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'list') sizes.push(node.children.length);
    if ('children' in node) for (const child of node.children) visit(child);
  };
  for (const node of nodes) visit(node);
  return sizes;
}

/** A cloze body as one line of text, with each `<C>`'s span in it (the deletions' own places, when known). */
function flattenCloze(
  body: readonly RootContent[],
  fallback: LintPlace,
): { text: string; deletions: LintNote['deletions'] } {
  let text = '';
  const deletions: LintNote['deletions'] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'text' || node.type === 'inlineCode') {
      text += node.value;
      return;
    }
    if (node.type === 'break') {
      text += ' ';
      return;
    }
    const block = BLOCKS.has(node.type);
    if (block && text !== '' && !text.endsWith(' ')) text += ' ';
    const isDeletion = (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name === 'C';
    const start = text.length;
    if ('children' in node) for (const child of node.children) visit(child);
    if (isDeletion && isJsxElement(node)) {
      const place = startOf(node);
      deletions.push({
        start,
        end: text.length,
        place: place ? { file: fallback.file, ...place } : fallback,
        group: deletionNumber(node),
        hint: deletionHint(node),
      });
    }
    if (block && !text.endsWith(' ')) text += ' ';
  };
  for (const node of body) visit(node);
  // Collapse whitespace without moving the deletion offsets: map old offsets to new.
  return collapse(text, deletions);
}

function collapse(text: string, deletions: LintNote['deletions']): { text: string; deletions: LintNote['deletions'] } {
  const map: number[] = [];
  let out = '';
  for (let i = 0; i < text.length; i++) {
    map.push(out.length);
    const ch = text[i] ?? '';
    const space = /\s/u.test(ch);
    if (space && (out === '' || out.endsWith(' '))) continue;
    out += space ? ' ' : ch;
  }
  map.push(out.length);
  const trimmedEnd = out.trimEnd().length;
  return {
    text: out.slice(0, trimmedEnd),
    deletions: deletions.map((d) => ({
      ...d,
      start: Math.min(map[d.start] ?? 0, trimmedEnd),
      end: Math.min(map[d.end] ?? 0, trimmedEnd),
    })),
  };
}
