/** Message a page posts to the waiting service worker when the reader accepts an update. */
export const SKIP_WAITING = 'SKIP_WAITING';

/**
 * Message a page posts to the worker that has just taken control of it: the pages this tab
 * showed before (they came from the network, not through the worker), for it to keep.
 */
export const KEEP_PAGES = 'KEEP_PAGES';

export interface KeepPagesMessage {
  type: typeof KEEP_PAGES;
  /** Absolute page URLs, directory style. */
  urls: string[];
}

export function isKeepPages(data: unknown): data is KeepPagesMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    'type' in data &&
    data.type === KEEP_PAGES &&
    'urls' in data &&
    Array.isArray(data.urls) &&
    data.urls.every((url) => typeof url === 'string')
  );
}
