import type { Root, RootContent } from 'mdast';

/** Card and question attributes a reader sees as text on the page. */
const READ_ATTRIBUTES = new Set(['q', 'moment', 'why', 'situation']);

const wordsIn = (text: string): number => text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)?.length ?? 0;

/**
 * Words of guide text in one MDX tree, as a reader meets them: prose, table cells, code spans,
 * the text inside components and the attributes shown as text (a card's question, a comparison's
 * moment). Frontmatter, tag names, URLs and other attributes do not count.
 */
export function countWords(tree: Root): number {
  let total = 0;
  const visit = (node: Root | RootContent): void => {
    if (node.type === 'yaml') return;
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') total += wordsIn(node.value);
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      for (const attribute of node.attributes) {
        if (attribute.type === 'mdxJsxAttribute' && READ_ATTRIBUTES.has(attribute.name)) {
          if (typeof attribute.value === 'string') total += wordsIn(attribute.value);
        }
      }
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return total;
}
