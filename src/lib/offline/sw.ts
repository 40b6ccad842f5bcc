/**
 * The service worker. The build bundles this file (src/integrations/service-worker.ts)
 * and injects the precache manifest, the app only, in place of `self.__WB_MANIFEST`.
 * Guides are kept as they are read (network first, so a new build is served as soon
 * as the network answers) or all at once by the save control; search files as used.
 * It runs in the worker, never in a page.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, getCacheKeyForURL, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import type { PrecacheEntry } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { isOptimizerFile, OFFLINE_PAGE, OPTIMIZER_CACHE, PAGES_CACHE, SEARCH_CACHE } from './cache-names.ts';
import { isPagefindSearchFile } from '../search/pagefind-files.ts';
import { isKeepPages, SKIP_WAITING } from './messages.ts';
import { pageKey, toSavedPage } from './saved-page.ts';

// The project's TypeScript lib is the DOM's, not the worker's: declare the little we use.
declare const self: {
  readonly __WB_MANIFEST: (string | PrecacheEntry)[];
  readonly location: Location;
  readonly registration: { readonly scope: string };
  skipWaiting(): Promise<void>;
  addEventListener(
    type: 'message',
    listener: (event: MessageEvent<unknown> & { waitUntil(promise: Promise<unknown>): void }) => void,
  ): void;
};

precacheAndRoute(self.__WB_MANIFEST, {
  directoryIndex: 'index.html',
  // Every precached file is static: a query string (`/questions/?q=latency`, Pagefind's
  // `pagefind-entry.json?ts=…`) never selects other content, so it must not miss the cache.
  ignoreURLParametersMatching: [/./],
  cleanURLs: false,
});
cleanupOutdatedCaches();
// Control the page on the very first visit, so it works offline without a reload. An
// update does not get here before the reader accepts it: this worker waits until then.
clientsClaim();

self.addEventListener('message', (event) => {
  if (isSkipWaiting(event.data)) void self.skipWaiting();
  else if (isKeepPages(event.data)) event.waitUntil(keepPagesShown(event.data.urls));
});

const scope = new URL(self.registration.scope);
const inScope = (url: URL) => url.origin === scope.origin && url.pathname.startsWith(scope.pathname);

const inSite = (url: URL) => url.pathname.slice(scope.pathname.length);

/** Cache first, for files named by their content: a cached one is never stale. */
const cacheFirst =
  (cacheName: string) =>
  async ({ request }: { request: Request }): Promise<Response> => {
    const cache = await caches.open(cacheName);
    const cached = await cache.match(request, { ignoreSearch: true });
    if (cached) return cached;
    const response = await fetch(request);
    if (response.ok) await cache.put(request.url.split('?')[0] ?? request.url, response.clone());
    return response;
  };

// Pagefind's index chunks and fragments, as searches use them.
registerRoute(({ url }) => inScope(url) && isPagefindSearchFile(inSite(url)), cacheFirst(SEARCH_CACHE));
// The optimizer, once run: not installed with the app, kept after its first use.
registerRoute(({ url }) => inScope(url) && isOptimizerFile(inSite(url)), cacheFirst(OPTIMIZER_CACHE));

// Pages outside the precache (guides, section indexes): the network first, keeping what a
// reading visit brings; offline, the last copy kept, else the offline page.
registerRoute(
  ({ request, url }) => request.method === 'GET' && inScope(url) && isPageRequest(request, url),
  async ({ request }) => {
    const key = pageKey(request.url);
    let response: Response;
    try {
      // `no-cache` revalidates with the host, so the HTTP cache never serves an older build.
      response = await fetch(request, { cache: 'no-cache' });
    } catch (error) {
      const saved = await (await caches.open(PAGES_CACHE)).match(key).catch(() => undefined);
      if (saved) return saved;
      if (request.mode !== 'navigate') throw error;
      return (await trailingSlashRedirect(request.url)) ?? (await offlinePage());
    }
    // The reader gets the network's answer whatever the cache does (a full quota, storage
    // blocked): a failed write never becomes the offline page. Stored before answering, so
    // a page just shown is there offline at once.
    if (request.mode === 'navigate' && response.ok && isHtml(response)) await keepPage(key, response.clone());
    return response;
  },
);

/**
 * Keeps the pages a tab showed before this worker controlled it, as a reading visit would
 * have: in scope, not part of the app (precached), not kept already. One at a time, so it
 * never competes with what the reader does next.
 */
async function keepPagesShown(urls: readonly string[]): Promise<void> {
  const cache = await caches.open(PAGES_CACHE);
  for (const href of urls) {
    const url = new URL(href);
    if (!inScope(url) || !url.pathname.endsWith('/')) continue;
    if (getCacheKeyForURL(new URL('index.html', url).href) !== undefined) continue;
    const key = pageKey(url.href);
    if (await cache.match(key).catch(() => undefined)) continue;
    const response = await fetch(key, { cache: 'no-cache' }).catch(() => undefined);
    if (response?.ok && isHtml(response)) await keepPage(key, response);
  }
}

/** Stores a page for offline reading; never rejects (a full quota leaves the page unsaved). */
async function keepPage(key: string, response: Response): Promise<void> {
  try {
    await (await caches.open(PAGES_CACHE)).put(key, await toSavedPage(response));
  } catch {
    // Nothing to tell the reader here: the page is shown, and "Save all" reports a full quota.
  }
}

function isSkipWaiting(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'type' in data && data.type === SKIP_WAITING;
}

/** A navigation, or a fetch of a directory-style page URL (the save control, the tests). */
function isPageRequest(request: Request, url: URL): boolean {
  return request.mode === 'navigate' || url.pathname.endsWith('/') || url.pathname.endsWith('/index.html');
}

function isHtml(response: Response): boolean {
  return (response.headers.get('content-type') ?? '').startsWith('text/html');
}

/** `/phases/constraints` → `/phases/constraints/`, as the static host redirects it. */
async function trailingSlashRedirect(href: string): Promise<Response | undefined> {
  const url = new URL(href);
  if (url.pathname.endsWith('/')) return undefined;
  const directory = new URL(`${url.pathname}/`, url);
  const known =
    getCacheKeyForURL(new URL('index.html', directory).href) !== undefined ||
    (await (await caches.open(PAGES_CACHE)).match(pageKey(directory.href))) !== undefined;
  if (!known) return undefined;
  url.pathname += '/';
  return Response.redirect(url.href, 301);
}

/** The offline page, status 503: the page exists or not, but this device cannot reach it now. */
async function offlinePage(): Promise<Response> {
  const page = await matchPrecache(new URL(OFFLINE_PAGE, scope).href);
  if (!page) return Response.error();
  return new Response(page.body, { status: 503, statusText: 'Service Unavailable', headers: page.headers });
}
