import { requiredElement } from '../../lib/dom.ts';
import { plural } from '../../lib/plural.ts';
import { loadQuestionSearcher } from '../../lib/search/load-question-search.ts';
import { searchConcepts, type QuestionSearcher } from '../../lib/search/question-search.ts';
import { withBase } from '../../lib/urls.ts';
import { renderConceptResults } from './concept-results.ts';
import { renderPageResults } from './page-results.ts';
// The offline note inside the dialog upgrades with the dialog's code, not on page load.
import '../offline/offline-search-note.ts';
import {
  loadPagefind,
  searchPages,
  withTimeout,
  type PagefindBrowserApi,
  type PagefindResultData,
} from './pagefind-client.ts';

const CONCEPTS = 3;
const PAGES = 6;
const DEBOUNCE_MS = 120;
/** Pagefind answers in milliseconds once loaded; a broken load leaves its promise pending forever. */
const PAGEFIND_TIMEOUT_MS = 8000;

const required = <T extends Element>(root: ParentNode, selector: string): T =>
  requiredElement<T>(root, selector, 'search-dialog');

/**
 * <search-dialog>: the search behind Ctrl/⌘+K, defined only when the dialog first
 * opens (search-trigger imports this file). Question → concept search (fuse.js,
 * instant) above Pagefind's full-text results, one keyboard model for both:
 * ↑/↓ between links, Enter opens, Esc closes.
 */
class SearchDialog extends HTMLElement {
  readonly #el = {
    dialog: required<HTMLDialogElement>(this, 'dialog'),
    input: required<HTMLInputElement>(this, 'input'),
    status: required<HTMLElement>(this, '[role=status]'),
    conceptGroup: required<HTMLElement>(this, '[data-concepts]'),
    conceptList: required<HTMLOListElement>(this, '[data-concepts] ol'),
    conceptsNote: required<HTMLElement>(this, '[data-concepts-note]'),
    pageGroup: required<HTMLElement>(this, '[data-pages]'),
    pageList: required<HTMLOListElement>(this, '[data-pages] ol'),
    pagesNote: required<HTMLElement>(this, '[data-pages-note]'),
    more: required<HTMLElement>(this, '[data-more]'),
    moreLink: required<HTMLAnchorElement>(this, '[data-more] a'),
  };
  readonly #hint = this.#el.status.textContent ?? '';
  #searcher: QuestionSearcher | undefined;
  #pagefind: PagefindBrowserApi | undefined;
  #pagefindError = '';
  #generation = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #questionsReady: Promise<void> = Promise.resolve();
  #pagefindReady: Promise<void> = Promise.resolve();

  connectedCallback(): void {
    // Each search renders as soon as its own code and index are in: concepts usually first.
    this.#questionsReady = this.#loadQuestions();
    this.#pagefindReady = loadPagefind({
      bundle: this.dataset['bundle'] ?? withBase('/pagefind/'),
      cacheTag: this.dataset['cacheTag'],
    }).then(
      (loaded) => void (this.#pagefind = loaded),
      (error: unknown) => {
        this.#pagefindError = import.meta.env.DEV
          ? 'Full-text search works on the built site only: run `npm run build`, then `npm run preview`.'
          : `Full-text search could not load (${error instanceof Error ? error.message : String(error)}).`;
      },
    );
    this.#el.input.addEventListener('input', () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => void this.#run(), DEBOUNCE_MS);
    });
    this.#el.dialog.addEventListener('keydown', this.#onKey);
    // Keys typed while this file loaded are already in the input.
    if (this.#el.input.value.trim() !== '') void this.#run();
  }

  async #run(): Promise<void> {
    const el = this.#el;
    const query = el.input.value.trim();
    const current = ++this.#generation;
    if (query === '') {
      el.conceptGroup.hidden = true;
      el.pageGroup.hidden = true;
      el.more.hidden = true;
      el.status.textContent = this.#hint;
      return;
    }
    el.status.textContent = 'Searching…';
    el.moreLink.href = `${withBase('/questions/')}?q=${encodeURIComponent(query)}`;
    el.more.hidden = false;
    const [concepts, pages] = await Promise.all([this.#showConcepts(query, current), this.#showPages(query, current)]);
    if (current !== this.#generation) return;
    el.status.textContent =
      concepts === null
        ? unavailableStatus(query, pages)
        : concepts + pages === 0
          ? `Nothing matches “${query}”. Try other words.`
          : `${plural(concepts, 'concept')} and ${plural(pages, 'page')} for “${query}”. ↓ to move through them.`;
  }

  /** The number of concepts shown, or null when the question index could not be loaded. */
  async #showConcepts(query: string, current: number): Promise<number | null> {
    await this.#questionsReady;
    // A failed load is tried again with each search: back online, the next one works.
    if (!this.#searcher) this.#questionsReady = this.#loadQuestions();
    await this.#questionsReady;
    if (current !== this.#generation) return 0;
    const { conceptGroup, conceptList, conceptsNote } = this.#el;
    const concepts = this.#searcher ? searchConcepts(this.#searcher, query, CONCEPTS) : [];
    renderConceptResults(conceptList, concepts, 1);
    conceptsNote.textContent = this.#searcher ? '' : unavailableNote();
    conceptsNote.hidden = this.#searcher !== undefined;
    conceptGroup.hidden = concepts.length === 0 && this.#searcher !== undefined;
    return this.#searcher ? concepts.length : null;
  }

  #loadQuestions(): Promise<void> {
    return loadQuestionSearcher().then(
      (loaded) => void (this.#searcher = loaded),
      () => undefined,
    );
  }

  async #showPages(query: string, current: number): Promise<number> {
    await this.#pagefindReady;
    let pages: PagefindResultData[] = [];
    if (this.#pagefind) {
      try {
        pages = await withTimeout(searchPages(this.#pagefind, query, PAGES), PAGEFIND_TIMEOUT_MS);
      } catch {
        // Pagefind logs its own cause (a blocked or missing WebAssembly file, say) and never settles.
        this.#pagefindError = 'Full-text search is unavailable right now; concept search still works.';
      }
    }
    if (current !== this.#generation) return 0;
    const { pageList, pagesNote, pageGroup } = this.#el;
    renderPageResults(pageList, pages);
    pagesNote.textContent = this.#pagefindError;
    pagesNote.hidden = this.#pagefindError === '';
    pageGroup.hidden = pages.length === 0 && this.#pagefindError === '';
    return pages.length;
  }

  /** Visible result links, in order. */
  #links(selector: string): HTMLAnchorElement[] {
    return [...this.#el.dialog.querySelectorAll<HTMLAnchorElement>(selector)].filter(
      (link) => !link.closest('[hidden]'),
    );
  }

  readonly #onKey = (event: KeyboardEvent): void => {
    const { input } = this.#el;
    const links = this.#links('.search-body a');
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (links.length === 0) return;
      event.preventDefault();
      const next = event.key === 'ArrowDown' ? at + 1 : at - 1;
      if (next < 0) input.focus();
      else links[Math.min(next, links.length - 1)]?.focus();
    } else if (event.key === 'Enter' && event.target === input) {
      // Enter in the input opens the best result, as in any command palette.
      event.preventDefault();
      clearTimeout(this.#timer);
      void this.#run().then(() => this.#links('.search-list a')[0]?.click());
    } else if (event.key.length === 1 && at >= 0 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Typing while on a result goes back to the query.
      input.focus();
    }
  };
}

/** Why concept search has nothing to show, and what to do about it. */
function unavailableNote(): string {
  return navigator.onLine
    ? 'Concept search is unavailable: the question index could not be loaded. Search again to retry.'
    : 'Concept search is unavailable offline: this device has not kept the question index yet. Open the site once while online and it is kept for next time.';
}

function unavailableStatus(query: string, pages: number): string {
  const why = navigator.onLine ? 'concept search is unavailable right now' : 'concept search is unavailable offline';
  return pages === 0
    ? `No page matches “${query}”, and ${why}.`
    : `${plural(pages, 'page')} for “${query}”; ${why}. ↓ to move through them.`;
}

customElements.define('search-dialog', SearchDialog);
