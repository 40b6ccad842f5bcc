import { PAGEFIND_CACHE_TAG_PLACEHOLDER } from '../../lib/search/pagefind-cache-tag.ts';

/** The slice of Pagefind's browser API (pagefind.js) the search dialog uses. */
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; section?: string };
  sub_results: PagefindSubResult[];
}
export interface PagefindBrowserApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

/** Where the index lives and the build's cache tag (a placeholder until the Pagefind step stamps the page). */
export interface PagefindLocation {
  bundle: string;
  cacheTag: string | undefined;
}

/** Loads pagefind.js from the site's own bundle (never from elsewhere) and configures it. */
export async function loadPagefind({ bundle, cacheTag }: PagefindLocation): Promise<PagefindBrowserApi> {
  const api = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as PagefindBrowserApi;
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

/** The first `limit` pages matching `query`, with their data loaded. */
export async function searchPages(
  pagefind: PagefindBrowserApi,
  query: string,
  limit: number,
): Promise<PagefindResultData[]> {
  const found = await pagefind.search(query);
  return found ? Promise.all(found.results.slice(0, limit).map((result) => result.data())) : [];
}

/** Rejects when `promise` has not settled after `ms`: a broken Pagefind load leaves its promise pending forever. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
