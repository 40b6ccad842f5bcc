/**
 * The runtime caches the worker and the save control share. The app itself lives in
 * workbox's precache; these hold what grows with the content.
 */
export const PAGES_CACHE = 'vibe-check-pages';
export const SEARCH_CACHE = 'vibe-check-search';

/** Headers stored with a saved page: its title (for the offline page) and its build revision. */
export const TITLE_HEADER = 'x-vibe-check-title';
export const REVISION_HEADER = 'x-vibe-check-revision';

/** The page the worker answers with, status 503, for a page that is not saved while offline. */
export const OFFLINE_PAGE = 'offline/index.html';
