import { matchesAnyGlob } from '../glob.ts';

/**
 * The runtime caches the worker and the save control share. The app itself lives in
 * workbox's precache; these hold what grows with the content.
 */
export const PAGES_CACHE = 'vibe-check-pages';
export const SEARCH_CACHE = 'vibe-check-search';
/** The FSRS optimizer's files, kept once the reader has run it, so it works offline from then on. */
export const OPTIMIZER_CACHE = 'vibe-check-optimizer';

/**
 * The optimizer's files (fsrs-rs as WebAssembly, 1.7 MB), relative to the site's base: left out
 * of the app's precache (the build's glob ignores) and cached by the worker when first fetched.
 */
export const OPTIMIZER_GLOBS = ['_astro/optimizer-worker-*.js', '_astro/workerHelpers-*.js', '_astro/*.wasm'];

/** Whether `path` (relative to the site's base) is one of OPTIMIZER_GLOBS. */
export function isOptimizerFile(path: string): boolean {
  return matchesAnyGlob(path, OPTIMIZER_GLOBS);
}

/** Headers stored with a saved page: its title (for the offline page) and its build revision. */
export const TITLE_HEADER = 'x-vibe-check-title';
export const REVISION_HEADER = 'x-vibe-check-revision';

/** The page the worker answers with, status 503, for a page that is not saved while offline. */
export const OFFLINE_PAGE = 'offline/index.html';
