import { matchesAnyGlob } from '../glob.ts';

/** Pagefind's bundle, under the site's base: the search dialog loads it from there. */
export const PAGEFIND_DIR = 'pagefind';

/**
 * Pagefind's core, whatever the guides: its script, entry file, metadata, WebAssembly and
 * filters. The app's precache installs them (src/integrations/service-worker.ts).
 */
export const PAGEFIND_CORE_GLOBS = [
  `${PAGEFIND_DIR}/pagefind.js`,
  `${PAGEFIND_DIR}/pagefind-entry.json`,
  `${PAGEFIND_DIR}/*.pf_meta`,
  `${PAGEFIND_DIR}/wasm.*.pagefind`,
  `${PAGEFIND_DIR}/filter/*`,
];

/**
 * Pagefind's per-content files, which grow with the guides: index chunks and fragments.
 * Listed in offline-pack.json for "Save all", and kept by the worker as searches use them.
 */
export const PAGEFIND_SEARCH_GLOBS = [`${PAGEFIND_DIR}/index/*`, `${PAGEFIND_DIR}/fragment/*`];

/** Whether `path` (relative to the site's base) is one of PAGEFIND_SEARCH_GLOBS. */
export function isPagefindSearchFile(path: string): boolean {
  return matchesAnyGlob(path, PAGEFIND_SEARCH_GLOBS);
}
