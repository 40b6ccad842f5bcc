/**
 * Pagefind fetches `pagefind-entry.json?ts=<metaCacheTag>`; left unset, the tag is
 * `Date.now()` and the entry file can never be cached. The search trigger renders
 * this placeholder, and the Pagefind integration replaces it in every built page
 * with a hash of that build's entry file: one cacheable URL per index version.
 */
export const PAGEFIND_CACHE_TAG_PLACEHOLDER = 'vibe-check-pagefind-cache-tag';
