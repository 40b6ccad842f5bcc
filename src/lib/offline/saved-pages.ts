import { PAGES_CACHE, REVISION_HEADER, TITLE_HEADER } from './cache-names.ts';

export interface SavedPageInfo {
  /** Absolute URL of the page, directory style. */
  href: string;
  title: string;
  /** Revision of the copy kept; empty for a copy saved without one. */
  revision: string;
}

/** Every page kept for offline, read from the cache's headers (no body is read). */
export async function listSavedPages(cacheStorage: CacheStorage = caches): Promise<SavedPageInfo[]> {
  const cache = await cacheStorage.open(PAGES_CACHE);
  const requests = await cache.keys();
  const pages = await Promise.all(
    requests.map(async (request) => {
      const response = await cache.match(request);
      if (!response) return undefined;
      return {
        href: request.url,
        title: savedTitle(response, request.url),
        revision: response.headers.get(REVISION_HEADER) ?? '',
      };
    }),
  );
  return pages.filter((page) => page !== undefined);
}

/** The title stored with a saved page, or its URL path when it has none. */
export function savedTitle(response: Response, href: string): string {
  const stored = response.headers.get(TITLE_HEADER);
  return stored ? decodeURIComponent(stored) : new URL(href).pathname;
}
