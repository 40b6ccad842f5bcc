import { html } from '../../lib/dom.ts';
import type { ConceptMatch } from '../../lib/search/question-search.ts';
import { withBase } from '../../lib/urls.ts';

/** Fills `list` with concept results: a link to each concept (title path) and the known questions that matched. */
export function renderConceptResults(
  list: HTMLElement,
  matches: readonly ConceptMatch[],
  maxQuestions = Infinity,
): void {
  list.replaceChildren(
    ...matches.map((match) => {
      const questions = match.questions.slice(0, maxQuestions);
      return html(
        'li',
        { className: 'concept-result' },
        html(
          'a',
          { className: 'concept-link', attrs: { href: withBase(match.url) } },
          ...match.titlePath.flatMap((part, i) =>
            i > 0 ? [html('span', { className: 'concept-sep', text: ' › ' }), part] : [part],
          ),
        ),
        questions.length > 0 &&
          html(
            'ul',
            { className: 'concept-questions', attrs: { 'aria-label': 'Known questions' } },
            ...questions.map((question) => html('li', { text: question })),
          ),
      );
    }),
  );
}
