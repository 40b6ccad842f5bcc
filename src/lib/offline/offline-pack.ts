import * as z from 'zod/mini';

/**
 * `offline-pack.json`: what "Save all guides for offline" downloads. The build writes it
 * (src/integrations/service-worker.ts) beside the worker; it is not precached, because it
 * grows with the guides, and the save control fetches it only when asked. zod/mini, as
 * the review page's schemas, keeps the control within the pages' JS budgets.
 */
export const OFFLINE_PACK_FILE = 'offline-pack.json';

export const savablePageSchema = z.strictObject({
  /** URL relative to the base path, directory style (`phases/constraints/`). */
  url: z.string().check(z.minLength(1), z.regex(/^[^/?#][^?#]*\/$/u)),
  /** A guide, or a section's index page (saved along, never counted as a guide). */
  kind: z.enum(['guide', 'section']),
  /** The page title without the site name. */
  title: z.string(),
  /** Size of the page's HTML in bytes, as stored. */
  bytes: z.int().check(z.gte(0)),
  /** Content hash of the HTML: a kept copy with another revision is out of date. */
  revision: z.string().check(z.regex(/^[0-9a-f]{16}$/u)),
});

export const searchFileSchema = z.strictObject({
  /** URL relative to the base path (`pagefind/fragment/en_1a2b.pf_fragment`); the name carries a content hash. */
  url: z.string().check(z.minLength(1)),
  bytes: z.int().check(z.gte(0)),
});

export const offlinePackSchema = z.strictObject({
  version: z.literal(1),
  /** Guides and section index pages, sorted by URL. */
  pages: z.array(savablePageSchema),
  /** Pagefind's index chunks and per-page fragments: full-text search over saved guides. */
  search: z.array(searchFileSchema),
});

export type SavablePage = z.infer<typeof savablePageSchema>;
export type SearchFile = z.infer<typeof searchFileSchema>;
export type OfflinePack = z.infer<typeof offlinePackSchema>;
