import { PAGES_CACHE, SEARCH_CACHE } from './cache-names.ts';
import {
  OFFLINE_PACK_FILE,
  offlinePackSchema,
  type OfflinePack,
  type SavablePage,
  type SearchFile,
} from './offline-pack.ts';
import { pageKey, toSavedPage } from './saved-page.ts';
import { listSavedPages } from './saved-pages.ts';

/** What saving every guide still has to do, against what this device already keeps. */
export interface SavePlan {
  pack: OfflinePack;
  /** Absolute URL of the site's base (`https://host/vibe/`). */
  base: string;
  /** Pages with no copy, or an out-of-date one. */
  pagesToSave: SavablePage[];
  searchToSave: SearchFile[];
  /** Guides in the build (section index pages are saved along, not counted). */
  guidesTotal: number;
  /** Guides whose kept copy is this build's. */
  guidesCurrent: number;
  /** Guides kept in an older revision (listed in `pagesToSave`). */
  guidesOutdated: number;
  /** Kept copies of pages and search files this build no longer has. */
  staleKeys: { pages: string[]; search: string[] };
}

export interface SaveProgress {
  guidesDone: number;
  guidesTotal: number;
  bytesDone: number;
  bytesTotal: number;
}

export interface SaveOptions {
  signal?: AbortSignal;
  onProgress?: (progress: SaveProgress) => void;
  /** Downloads in flight at once: enough to hide latency, few enough to leave the page responsive. */
  concurrency?: number;
  cacheStorage?: CacheStorage;
  fetcher?: typeof fetch;
}

/** `offline-pack.json` of the current build, validated: a broken file is an error that names it. */
export async function loadPack(base: string, fetcher: typeof fetch = fetch): Promise<OfflinePack> {
  const url = new URL(OFFLINE_PACK_FILE, base).href;
  const response = await fetcher(url, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${OFFLINE_PACK_FILE} could not be loaded (HTTP ${response.status}).`);
  const parsed = offlinePackSchema.safeParse(await response.json());
  if (!parsed.success) throw new Error(`${OFFLINE_PACK_FILE} is not a valid list of guides: ${parsed.error.message}`);
  return parsed.data;
}

export async function planSave(
  pack: OfflinePack,
  base: string,
  cacheStorage: CacheStorage = caches,
): Promise<SavePlan> {
  const saved = new Map((await listSavedPages(cacheStorage)).map((page) => [page.href, page.revision]));
  const searchCache = await cacheStorage.open(SEARCH_CACHE);
  const searchKept = new Set((await searchCache.keys()).map((request) => request.url));
  const pagesToSave: SavablePage[] = [];
  let guidesCurrent = 0;
  let guidesOutdated = 0;
  for (const page of pack.pages) {
    const kept = saved.get(pageKey(new URL(page.url, base).href));
    const guide = page.kind === 'guide' ? 1 : 0;
    if (kept === page.revision) guidesCurrent += guide;
    else {
      if (kept !== undefined) guidesOutdated += guide;
      pagesToSave.push(page);
    }
  }
  const packPages = new Set(pack.pages.map((page) => pageKey(new URL(page.url, base).href)));
  const packSearch = new Set(pack.search.map((file) => new URL(file.url, base).href));
  return {
    pack,
    base,
    pagesToSave,
    searchToSave: pack.search.filter((file) => !searchKept.has(new URL(file.url, base).href)),
    guidesTotal: pack.pages.filter((page) => page.kind === 'guide').length,
    guidesCurrent,
    guidesOutdated,
    staleKeys: {
      pages: [...saved.keys()].filter((href) => href.startsWith(base) && !packPages.has(href)),
      search: [...searchKept].filter((href) => href.startsWith(base) && !packSearch.has(href)),
    },
  };
}

/**
 * Downloads what the plan lists, reporting progress after each file. Everything saved
 * stays saved when it stops (cancelled, offline, a failed file): the next run plans
 * from what is kept, so it resumes. Copies the build no longer has are removed only
 * after a complete run.
 */
export async function runSave(plan: SavePlan, options: SaveOptions = {}): Promise<SaveProgress> {
  const { signal, onProgress, concurrency = 4, cacheStorage = caches, fetcher = fetch } = options;
  const pagesCache = await cacheStorage.open(PAGES_CACHE);
  const searchCache = await cacheStorage.open(SEARCH_CACHE);
  const bytesOf = (files: readonly { bytes: number }[]) => files.reduce((sum, file) => sum + file.bytes, 0);
  const bytesTotal = bytesOf(plan.pack.pages) + bytesOf(plan.pack.search);
  const progress: SaveProgress = {
    guidesDone: plan.guidesTotal - plan.pagesToSave.filter((page) => page.kind === 'guide').length,
    guidesTotal: plan.guidesTotal,
    bytesDone: bytesTotal - bytesOf(plan.pagesToSave) - bytesOf(plan.searchToSave),
    bytesTotal,
  };
  onProgress?.({ ...progress });

  // One failure stops the other downloads too, and so does the caller's signal.
  const stop = new AbortController();
  signal?.addEventListener('abort', () => stop.abort(signal.reason), { once: true });
  if (signal?.aborted) stop.abort(signal.reason);

  const download = async (url: string): Promise<Response> => {
    const response = await fetcher(url, { cache: 'no-cache', signal: stop.signal });
    if (!response.ok) throw new Error(`${new URL(url).pathname} could not be saved (HTTP ${response.status}).`);
    return response;
  };
  const jobs: (() => Promise<void>)[] = [
    // Search files first: they are small, and without them a saved guide cannot be found offline.
    ...plan.searchToSave.map((file) => async () => {
      const url = new URL(file.url, plan.base).href;
      await searchCache.put(url, await download(url));
      progress.bytesDone += file.bytes;
    }),
    ...plan.pagesToSave.map((page) => async () => {
      const url = pageKey(new URL(page.url, plan.base).href);
      await pagesCache.put(url, await toSavedPage(await download(url)));
      if (page.kind === 'guide') progress.guidesDone++;
      progress.bytesDone += page.bytes;
    }),
  ];

  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      stop.signal.throwIfAborted();
      const job = jobs[next++];
      if (!job) return;
      try {
        await job();
      } catch (error) {
        if (!stop.signal.aborted) stop.abort(error);
        throw error;
      }
      onProgress?.({ ...progress });
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
  // The caller's reason wins (a cancel), then the first failure.
  if (stop.signal.aborted) throw signal?.aborted ? signal.reason : stop.signal.reason;
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  await Promise.all([
    ...plan.staleKeys.pages.map((href) => pagesCache.delete(href)),
    ...plan.staleKeys.search.map((href) => searchCache.delete(href)),
  ]);
  return progress;
}
