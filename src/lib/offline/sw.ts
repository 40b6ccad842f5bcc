/**
 * The service worker. The build bundles this file (src/integrations/service-worker.ts)
 * and injects the precache manifest, one entry per file of the build, in place of
 * `self.__WB_MANIFEST`. It runs in the worker, never in a page.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, getCacheKeyForURL, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import type { PrecacheEntry } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { SKIP_WAITING } from './messages.ts';

// The project's TypeScript lib is the DOM's, not the worker's: declare the little we use.
declare const self: {
  readonly __WB_MANIFEST: (string | PrecacheEntry)[];
  readonly location: Location;
  skipWaiting(): Promise<void>;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
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
});

// Navigations the precache does not know: the network when there is one (the host
// answers, 404 included); offline, what the host would have answered.
registerRoute(
  ({ request }) => request.mode === 'navigate',
  async ({ request }) => {
    try {
      return await fetch(request);
    } catch {
      return trailingSlashRedirect(request.url) ?? (await notFound());
    }
  },
);

function isSkipWaiting(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'type' in data && data.type === SKIP_WAITING;
}

/** `/phases/constraints` → `/phases/constraints/`, as the static host redirects it. */
function trailingSlashRedirect(href: string): Response | undefined {
  const url = new URL(href);
  if (url.pathname.endsWith('/')) return undefined;
  const directory = new URL(`${url.pathname}/index.html`, url);
  if (getCacheKeyForURL(directory.href) === undefined) return undefined;
  url.pathname += '/';
  return Response.redirect(url.href, 301);
}

async function notFound(): Promise<Response> {
  const page = await matchPrecache(new URL('404.html', self.location.href).href);
  if (!page) return Response.error();
  return new Response(page.body, { status: 404, statusText: 'Not Found', headers: page.headers });
}
