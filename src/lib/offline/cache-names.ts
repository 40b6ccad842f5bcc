/**
 * The runtime caches the worker and the save control share. The app itself lives in
 * workbox's precache; these hold what grows with the content.
 */
export const PAGES_CACHE = 'vibe-check-pages';
export const SEARCH_CACHE = 'vibe-check-search';
/** The FSRS optimizer's files, kept once the reader has run it, so it works offline from then on. */
export const OPTIMIZER_CACHE = 'vibe-check-optimizer';

/**
 * The optimizer's files in `_astro/` (fsrs-rs as WebAssembly, 1.7 MB): left out of the app's
 * precache (the build's glob ignores) and cached by the worker when first fetched.
 */
export const OPTIMIZER_FILES = ['optimizer-worker-*.js', 'workerHelpers-*.js', '*.wasm'];

/** Whether `path` (relative to the site's base) is one of OPTIMIZER_FILES. */
export function isOptimizerFile(path: string): boolean {
  const name = /^_astro\/([^/]+)$/u.exec(path)?.[1];
  if (name === undefined) return false;
  return OPTIMIZER_FILES.some((glob) =>
    new RegExp(`^${glob.replace(/[.]/gu, '\\.').replace(/\*/gu, '[^/]*')}$`, 'u').test(name),
  );
}

/** Headers stored with a saved page: its title (for the offline page) and its build revision. */
export const TITLE_HEADER = 'x-vibe-check-title';
export const REVISION_HEADER = 'x-vibe-check-revision';

/** The page the worker answers with, status 503, for a page that is not saved while offline. */
export const OFFLINE_PAGE = 'offline/index.html';
