/** Message a page posts to the waiting service worker when the reader accepts an update. */
export const SKIP_WAITING = 'SKIP_WAITING';
