import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { PAGEFIND_CACHE_TAG_PLACEHOLDER } from '../lib/search/pagefind-cache-tag.ts';
// The bundle lands in `<outDir>/pagefind/`, where the search dialog loads it from (under the base path).
import { PAGEFIND_DIR } from '../lib/search/pagefind-files.ts';

/**
 * Files Pagefind writes that this site never loads: its prebuilt UIs (the dialog uses
 * pagefind.js directly), the web worker (search runs on the main thread) and the index
 * for pages without a language (every page is `lang="en"`). Removing them keeps them
 * out of the offline precache.
 */
export const UNUSED_BUNDLE_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
  'pagefind-worker.js',
  'wasm.unknown.pagefind',
];

/** The part of the pagefind module used here, so tests can pass a fake. */
export type PagefindIndexer = Pick<typeof pagefind, 'createIndex' | 'close'>;

export interface PagefindReport {
  pageCount: number;
  /** Hash of the written `pagefind-entry.json`, set as `metaCacheTag` in every page. */
  cacheTag: string;
  /** Pages whose cache-tag placeholder was filled in. */
  taggedPages: number;
}

/**
 * Indexes the built site in `dir` (only `data-pagefind-body` content, so only
 * guides), writes the bundle to `<dir>/pagefind/` and stamps every page with the
 * index's cache tag. Every Pagefind response is checked; any error fails the
 * build with its cause, and the Pagefind service is always shut down.
 */
export async function buildPagefindIndex(dir: string, api: PagefindIndexer = pagefind): Promise<PagefindReport> {
  try {
    const created = await api.createIndex({ forceLanguage: 'en' });
    ensureNoErrors('create the index', created.errors);
    const { index } = created;
    if (!index) throw new Error('Pagefind could not create the index and gave no reason.');

    const added = await index.addDirectory({ path: dir });
    ensureNoErrors(`index ${dir}`, added.errors);
    if (added.page_count === 0) throw new Error(`Pagefind found no pages to index in ${dir}.`);

    const outputPath = join(dir, PAGEFIND_DIR);
    const written = await index.writeFiles({ outputPath });
    ensureNoErrors(`write ${outputPath}`, written.errors);

    await Promise.all(UNUSED_BUNDLE_FILES.map((file) => rm(join(outputPath, file), { force: true })));

    const entry = await readFile(join(outputPath, 'pagefind-entry.json'));
    const cacheTag = createHash('sha256').update(entry).digest('hex').slice(0, 16);
    const taggedPages = await fillCacheTag(dir, cacheTag);
    return { pageCount: added.page_count, cacheTag, taggedPages };
  } finally {
    await api.close();
  }
}

function ensureNoErrors(action: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind could not ${action}:\n${errors.join('\n')}`);
}

/** Replaces the placeholder rendered by the search trigger in every HTML file under `dir`. */
async function fillCacheTag(dir: string, cacheTag: string): Promise<number> {
  const files = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.html')).sort();
  let tagged = 0;
  for (const file of files) {
    const path = join(dir, file);
    const html = await readFile(path, 'utf8');
    if (!html.includes(PAGEFIND_CACHE_TAG_PLACEHOLDER)) continue;
    await writeFile(path, html.replaceAll(PAGEFIND_CACHE_TAG_PLACEHOLDER, cacheTag));
    tagged++;
  }
  return tagged;
}

/** Indexes the built site with Pagefind at `astro:build:done` (after the deck, before the service worker). */
export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'vibe-check:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const report = await buildPagefindIndex(fileURLToPath(dir));
        logger.info(
          `Indexed ${report.pageCount} pages into ${PAGEFIND_DIR}/ (cache tag ${report.cacheTag}, ${report.taggedPages} pages tagged).`,
        );
      },
    },
  };
}
