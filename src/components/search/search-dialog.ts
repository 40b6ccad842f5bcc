import { loadQuestionSearcher } from '../../lib/search/load-question-search.ts';
import { PAGEFIND_CACHE_TAG_PLACEHOLDER } from '../../lib/search/pagefind-cache-tag.ts';
import { searchConcepts, type QuestionSearcher } from '../../lib/search/question-search.ts';
import { withBase } from '../../lib/urls.ts';
import { renderConceptResults } from './concept-results.ts';

/**
 * The search dialog's behaviour, loaded on first open: question → concept search
 * (fuse.js-backed, instant) above Pagefind full-text results, one keyboard model
 * for both (↑/↓ between links, Enter opens, Esc closes).
 */

/** The slice of Pagefind's browser API (pagefind.js) used here. */
interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; section?: string };
  sub_results: PagefindSubResult[];
}
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

const CONCEPTS = 3;
const PAGES = 6;
const SUB_RESULTS = 3;
const DEBOUNCE_MS = 120;
/** Pagefind answers in milliseconds once loaded; a broken load leaves its promise pending forever. */
const PAGEFIND_TIMEOUT_MS = 8000;

const enhanced = new WeakSet<HTMLElement>();

export function enhanceSearchDialog(host: HTMLElement): void {
  if (enhanced.has(host)) return;
  enhanced.add(host);
  const dialog = host.querySelector('dialog');
  const input = dialog?.querySelector('input');
  const status = dialog?.querySelector<HTMLElement>('[role=status]');
  const conceptGroup = dialog?.querySelector<HTMLElement>('[data-concepts]');
  const pageGroup = dialog?.querySelector<HTMLElement>('[data-pages]');
  const conceptList = conceptGroup?.querySelector('ol');
  const pageList = pageGroup?.querySelector('ol');
  const pagesNote = dialog?.querySelector<HTMLElement>('[data-pages-note]');
  const more = dialog?.querySelector<HTMLElement>('[data-more]');
  const moreLink = more?.querySelector('a');
  if (!dialog || !input || !status || !conceptGroup || !pageGroup || !conceptList || !pageList) return;
  if (!pagesNote || !more || !moreLink) return;

  const hint = status.textContent ?? '';
  let searcher: QuestionSearcher | undefined;
  let pagefind: PagefindApi | undefined;
  let pagefindError = '';
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  // Each search renders as soon as its own code and index are in: concepts usually first.
  const questionsReady = loadQuestionSearcher().then(
    (loaded) => {
      searcher = loaded;
    },
    () => undefined,
  );
  const pagefindReady = loadPagefind(host.dataset).then(
    (loaded) => {
      pagefind = loaded;
    },
    (error: unknown) => {
      pagefindError = import.meta.env.DEV
        ? 'Full-text search works on the built site only: run `npm run build`, then `npm run preview`.'
        : `Full-text search could not load (${error instanceof Error ? error.message : String(error)}).`;
    },
  );

  const run = async () => {
    const query = input.value.trim();
    const current = ++generation;
    if (query === '') {
      conceptGroup.hidden = true;
      pageGroup.hidden = true;
      more.hidden = true;
      status.textContent = hint;
      return;
    }
    status.textContent = 'Searching…';
    moreLink.href = `${withBase('/questions/')}?q=${encodeURIComponent(query)}`;
    more.hidden = false;

    const conceptCount = questionsReady.then(() => {
      if (current !== generation) return 0;
      const concepts = searcher ? searchConcepts(searcher, query, CONCEPTS) : [];
      renderConceptResults(conceptList, concepts, 1);
      conceptGroup.hidden = concepts.length === 0;
      return concepts.length;
    });
    const pageCount = pagefindReady.then(async () => {
      let pages: PagefindResultData[] = [];
      if (pagefind) {
        try {
          pages = await withTimeout(searchPages(pagefind, query), PAGEFIND_TIMEOUT_MS);
        } catch {
          // Pagefind logs its own cause (a blocked or missing WebAssembly file, say) and never settles.
          pagefindError = 'Full-text search is unavailable right now; concept search still works.';
        }
      }
      if (current !== generation) return 0;
      renderPages(pageList, pages);
      pagesNote.textContent = pagefindError;
      pagesNote.hidden = pagefindError === '';
      pageGroup.hidden = pages.length === 0 && pagefindError === '';
      return pages.length;
    });

    const [concepts, pages] = await Promise.all([conceptCount, pageCount]);
    if (current !== generation) return;
    status.textContent =
      concepts + pages === 0
        ? `Nothing matches “${query}”. Try other words.`
        : `${concepts} concept${concepts === 1 ? '' : 's'} and ${pages} page${pages === 1 ? '' : 's'} for “${query}”. ↓ to move through them.`;
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  });

  dialog.addEventListener('keydown', (event) => {
    const links = [...dialog.querySelectorAll<HTMLAnchorElement>('.search-body a')].filter(
      (link) => !link.closest('[hidden]'),
    );
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
      clearTimeout(timer);
      void run().then(() => firstLink(dialog)?.click());
    } else if (event.key.length === 1 && at >= 0 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Typing while on a result goes back to the query.
      input.focus();
    }
  });

  if (input.value.trim() !== '') void run();
}

async function searchPages(pagefind: PagefindApi, query: string): Promise<PagefindResultData[]> {
  const found = await pagefind.search(query);
  return found ? Promise.all(found.results.slice(0, PAGES).map((result) => result.data())) : [];
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

function firstLink(dialog: HTMLDialogElement): HTMLAnchorElement | undefined {
  return [...dialog.querySelectorAll<HTMLAnchorElement>('.search-list a')].find((link) => !link.closest('[hidden]'));
}

async function loadPagefind(data: DOMStringMap): Promise<PagefindApi> {
  const bundle = data['bundle'] ?? withBase('/pagefind/');
  const api = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as PagefindApi;
  const cacheTag = data['cacheTag'];
  await api.options({
    bundlePath: bundle,
    baseUrl: import.meta.env.BASE_URL,
    excerptLength: 20,
    // One small index: searching on the main thread saves loading a second copy of the code in a worker.
    noWorker: true,
    ...(cacheTag && cacheTag !== PAGEFIND_CACHE_TAG_PLACEHOLDER ? { metaCacheTag: cacheTag } : {}),
  });
  await api.init();
  return api;
}

function renderPages(list: HTMLOListElement, pages: PagefindResultData[]): void {
  list.replaceChildren(
    ...pages.map((page) => {
      const item = document.createElement('li');
      item.className = 'page-result';
      const link = document.createElement('a');
      link.href = page.url;
      link.textContent = page.meta.title ?? page.url;
      const excerpt = document.createElement('p');
      excerpt.className = 'excerpt';
      excerpt.append(...highlighted(page.excerpt));
      item.append(link, excerpt);
      const subs = page.sub_results
        .filter((sub) => sub.url !== page.url && sub.url.includes('#'))
        .slice(0, SUB_RESULTS);
      if (subs.length > 0) {
        const nested = document.createElement('ul');
        nested.className = 'sub-results';
        for (const sub of subs) {
          const li = document.createElement('li');
          const subLink = document.createElement('a');
          subLink.href = sub.url;
          subLink.textContent = sub.title;
          const subExcerpt = document.createElement('p');
          subExcerpt.className = 'excerpt';
          subExcerpt.append(...highlighted(sub.excerpt));
          li.append(subLink, subExcerpt);
          nested.append(li);
        }
        item.append(nested);
      }
      return item;
    }),
  );
}

/** Pagefind's excerpt HTML as nodes, keeping only its `<mark>` highlights (no other markup from the index runs). */
function highlighted(excerpt: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = excerpt;
  const nodes: Node[] = [];
  for (const node of template.content.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(node.textContent ?? ''));
    }
  }
  return nodes;
}
