import type { AstroIntegration } from 'astro';

/** Indexes the built site with Pagefind (filled in by the search work). */
export function pagefindIntegration(): AstroIntegration {
  return { name: 'vibe-check:pagefind', hooks: {} };
}
