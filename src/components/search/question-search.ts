import { requiredElement } from '../../lib/dom.ts';
import { plural } from '../../lib/plural.ts';
import { loadQuestionSearcher } from '../../lib/search/load-question-search.ts';
import { listPageQuestions, searchConcepts, type QuestionSearcher } from '../../lib/search/question-search.ts';
import { renderConceptResults } from './concept-results.ts';

const RESULTS = 10;

const required = <T extends Element>(root: ParentNode, selector: string): T =>
  requiredElement<T>(root, selector, 'question-search');

/**
 * <question-search>: question → concept search on /questions/. Without script the
 * form still submits ?q=; with it, results follow every keystroke and the URL keeps
 * the query so it can be shared. `?concept=` lists the questions leading to a page.
 */
class QuestionSearch extends HTMLElement {
  readonly #form = required<HTMLFormElement>(this, 'form');
  readonly #input = required<HTMLInputElement>(this, 'input');
  readonly #status = required<HTMLElement>(this, '.qs-status');
  readonly #heading = required<HTMLElement>(this, '.qs-heading');
  readonly #list = required<HTMLOListElement>(this, '.qs-results');

  connectedCallback(): void {
    void this.#start();
  }

  async #start(): Promise<void> {
    let searcher: QuestionSearcher;
    try {
      searcher = await loadQuestionSearcher();
    } catch {
      this.#status.textContent = navigator.onLine
        ? 'The question index could not be loaded. Reload the page to try again.'
        : 'You are offline, and this device has not kept the question index yet. Open this page again when online: it is then kept for offline use.';
      return;
    }
    const input = this.#input;
    const update = (event?: Event) => {
      event?.preventDefault();
      this.#show(searcher, input.value);
      this.#keepInUrl(input.value);
    };
    input.disabled = false;
    input.addEventListener('input', () => update());
    this.#form.addEventListener('submit', update);

    const params = new URLSearchParams(location.search);
    const query = params.get('q');
    const concept = params.get('concept');
    if (query !== null) {
      input.value = query;
      this.#show(searcher, query);
    } else if (concept) {
      this.#showPage(searcher, concept);
    } else {
      this.#show(searcher, '');
    }
  }

  #show(searcher: QuestionSearcher, query: string): void {
    const trimmed = query.trim();
    if (trimmed === '') {
      this.#list.replaceChildren();
      this.#heading.hidden = true;
      this.#status.textContent = `Type a question: ${plural(searcher.questions.length, 'known question')} lead to ${plural(searcher.concepts.length, 'concept')}.`;
      return;
    }
    const matches = searchConcepts(searcher, trimmed, RESULTS);
    renderConceptResults(this.#list, matches);
    this.#heading.hidden = matches.length === 0;
    this.#status.textContent =
      matches.length === 0
        ? `No concept matches “${trimmed}”. Try other words, or fewer of them.`
        : `${plural(matches.length, 'concept')} for “${trimmed}”, best first.`;
  }

  #showPage(searcher: QuestionSearcher, pageUrl: string): void {
    const matches = listPageQuestions(searcher, pageUrl);
    renderConceptResults(this.#list, matches);
    this.#heading.hidden = true;
    const title = matches[0]?.titlePath[0];
    this.#status.textContent = title
      ? `Questions that lead to “${title}”, section by section.`
      : 'No known questions lead to that page.';
  }

  #keepInUrl(query: string): void {
    const url = new URL(location.href);
    url.searchParams.delete('concept');
    if (query.trim() === '') url.searchParams.delete('q');
    else url.searchParams.set('q', query);
    history.replaceState(history.state, '', url);
  }
}

customElements.define('question-search', QuestionSearch);
