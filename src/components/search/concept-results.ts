import type { ConceptMatch } from '../../lib/search/question-search.ts';
import { withBase } from '../../lib/urls.ts';

/** Fills `list` with concept results: a link to each concept (title path) and the known questions that matched. */
export function renderConceptResults(list: HTMLElement, matches: ConceptMatch[], maxQuestions = Infinity): void {
  list.replaceChildren(
    ...matches.map((match) => {
      const item = document.createElement('li');
      item.className = 'concept-result';
      const link = document.createElement('a');
      link.className = 'concept-link';
      link.href = withBase(match.url);
      match.titlePath.forEach((part, i) => {
        if (i > 0) {
          const separator = document.createElement('span');
          separator.className = 'concept-sep';
          separator.textContent = ' › ';
          link.append(separator);
        }
        link.append(part);
      });
      item.append(link);
      const questions = match.questions.slice(0, maxQuestions);
      if (questions.length > 0) {
        const known = document.createElement('ul');
        known.className = 'concept-questions';
        known.setAttribute('aria-label', 'Known questions');
        for (const question of questions) {
          const li = document.createElement('li');
          li.textContent = question;
          known.append(li);
        }
        item.append(known);
      }
      return item;
    }),
  );
}
