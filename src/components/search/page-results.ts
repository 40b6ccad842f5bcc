import { html } from '../../lib/dom.ts';
import type { PagefindResultData } from './pagefind-client.ts';

const SUB_RESULTS = 3;

/** Fills `list` with Pagefind's pages: title, excerpt, and up to three matching sections of each. */
export function renderPageResults(list: HTMLOListElement, pages: readonly PagefindResultData[]): void {
  list.replaceChildren(
    ...pages.map((page) => {
      const subs = page.sub_results
        .filter((sub) => sub.url !== page.url && sub.url.includes('#'))
        .slice(0, SUB_RESULTS);
      return html(
        'li',
        { className: 'page-result' },
        html('a', { attrs: { href: page.url }, text: page.meta.title ?? page.url }),
        html('p', { className: 'excerpt' }, ...highlighted(page.excerpt)),
        subs.length > 0 &&
          html(
            'ul',
            { className: 'sub-results' },
            ...subs.map((sub) =>
              html(
                'li',
                {},
                html('a', { attrs: { href: sub.url }, text: sub.title }),
                html('p', { className: 'excerpt' }, ...highlighted(sub.excerpt)),
              ),
            ),
          ),
      );
    }),
  );
}

/** Pagefind's excerpt HTML as nodes, keeping only its `<mark>` highlights (no other markup from the index runs). */
function highlighted(excerpt: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = excerpt;
  return [...template.content.childNodes].map((node) =>
    node.nodeName === 'MARK'
      ? html('mark', { text: node.textContent ?? '' })
      : document.createTextNode(node.textContent ?? ''),
  );
}
