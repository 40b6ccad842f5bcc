import type { Element, ElementContent, Nodes as HastNodes, Root as HastRoot, Text as HastText } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Paragraph, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toHast, type Handler, type State } from 'mdast-util-to-hast';
import { deletionHint, deletionNumber, isPhrasing } from './extract.ts';

export interface RenderOptions {
  /**
   * How `<C>` deletions render: one group (or all) hidden (`front`) or revealed
   * (`back`) with the others shown as plain text, or Anki's `{{cN::text::hint}}` markup.
   */
  cloze?: { group: number | 'all'; side: 'front' | 'back' } | 'anki';
  /** Prefix for site-relative links (`https://example.com/vibe`), for copies read off the site. */
  linkPrefix?: string;
  /** Anki fields: no raw newlines (a `<br>` inside code blocks, a space elsewhere). */
  singleLine?: boolean;
}

/**
 * Renders card content (the Markdown subset cards use: paragraphs, emphasis,
 * strong, code, lists, links…) to a hast tree. Text outside a block is wrapped
 * in a paragraph; other MDX components render their children only.
 */
export function renderHast(content: string | readonly RootContent[], options: RenderOptions = {}): HastRoot {
  const nodes: RootContent[] = typeof content === 'string' ? [paragraph(content)] : [...content];
  const blocks = nodes.every(isPhrasing) ? [{ type: 'paragraph', children: trimInline(nodes) } as Paragraph] : nodes;
  const root: Root = { type: 'root', children: blocks };
  const jsx: Handler = (state: State, node: MdxJsxFlowElement | MdxJsxTextElement) =>
    node.name === 'C' ? renderDeletion(state, node, options) : state.all(node);
  const skip: Handler = () => undefined;
  const hast = toHast(root, {
    handlers: {
      mdxJsxFlowElement: jsx,
      mdxJsxTextElement: jsx,
      mdxFlowExpression: skip,
      mdxTextExpression: skip,
      mdxjsEsm: skip,
    },
  });
  const out: HastRoot = hast.type === 'root' ? hast : { type: 'root', children: [hast as ElementContent] };
  postProcess(out, options, false);
  return out;
}

export function renderHtml(content: string | readonly RootContent[], options: RenderOptions = {}): string {
  return toHtml(renderHast(content, options));
}

const BLOCK_TAGS = new Set([
  'p',
  'li',
  'ul',
  'ol',
  'blockquote',
  'pre',
  'div',
  'table',
  'tr',
  'td',
  'th',
  'br',
  'h2',
  'h3',
  'h4',
]);

/** Plain text of rendered content, for search: blocks separated by spaces, whitespace collapsed. */
export function hastText(node: HastNodes): string {
  let out = '';
  const visit = (n: HastNodes): void => {
    if (n.type === 'text') out += n.value;
    else if (n.type === 'element' || n.type === 'root') {
      const block = n.type === 'element' && BLOCK_TAGS.has(n.tagName);
      if (block) out += ' ';
      for (const child of n.children) visit(child);
      if (block) out += ' ';
    }
  };
  visit(node);
  return collapseWhitespace(out);
}

function renderDeletion(state: State, node: MdxJsxFlowElement | MdxJsxTextElement, options: RenderOptions) {
  const n = deletionNumber(node);
  const hint = deletionHint(node);
  const children = state.all(node);
  const cloze = options.cloze;
  if (cloze === 'anki') return [text(`{{c${n}::`), ...children, text(hint ? `::${hint}}}` : '}}')];
  if (!cloze || (cloze.group !== 'all' && cloze.group !== n)) return children;
  if (cloze.side === 'front') return span('cloze-blank', [text(`[${hint ?? '…'}]`)]);
  return span('cloze-answer', children);
}

function postProcess(node: HastRoot | Element, options: RenderOptions, insidePre: boolean): void {
  const children: ElementContent[] = [];
  for (const child of node.children) {
    if (child.type === 'element') {
      const href = child.properties['href'];
      if (
        options.linkPrefix &&
        child.tagName === 'a' &&
        typeof href === 'string' &&
        href.startsWith('/') &&
        !href.startsWith('//')
      ) {
        child.properties['href'] = options.linkPrefix + href;
      }
      postProcess(child, options, insidePre || child.tagName === 'pre');
      children.push(child);
    } else if (child.type === 'text' && options.singleLine && child.value.includes('\n')) {
      if (insidePre) {
        const lines = child.value.split('\n');
        lines.forEach((line, i) => {
          if (i > 0) children.push({ type: 'element', tagName: 'br', properties: {}, children: [] });
          if (line !== '') children.push(text(line));
        });
      } else {
        children.push(text(child.value.split('\n').join(' ')));
      }
    } else if (child.type === 'text' || child.type === 'comment') {
      children.push(child);
    }
  }
  node.children = children;
}

/** Drops the whitespace an inline component leaves around its content. */
function trimInline(nodes: RootContent[]): Paragraph['children'] {
  const out = [...nodes] as Paragraph['children'];
  const first = out[0];
  if (first?.type === 'text') out[0] = { ...first, value: first.value.trimStart() };
  const last = out.at(-1);
  if (last?.type === 'text') out[out.length - 1] = { ...last, value: last.value.trimEnd() };
  return out;
}

function paragraph(value: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value }] };
}

function text(value: string): HastText {
  return { type: 'text', value };
}

function span(className: string, children: ElementContent[]): Element {
  return { type: 'element', tagName: 'span', properties: { className: [className] }, children };
}

export function collapseWhitespace(value: string): string {
  let out = '';
  let space = false;
  for (const ch of value) {
    if (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r') space = out !== '';
    else {
      if (space) out += ' ';
      out += ch;
      space = false;
    }
  }
  return out;
}
