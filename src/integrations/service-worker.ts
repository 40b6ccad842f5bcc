import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, matchesGlob, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getManifest, injectManifest } from 'workbox-build';
import type { ManifestEntry, ManifestTransform } from 'workbox-build';
import { compareCodeUnits } from '../lib/compare.ts';
import { APP_ROUTES, RUNTIME_FILES } from '../lib/app-files.ts';
import { OFFLINE_PAGE, OPTIMIZER_GLOBS } from '../lib/offline/cache-names.ts';
import { pageTitle, REVISION_LENGTH } from '../lib/offline/saved-page.ts';
import { OFFLINE_PACK_FILE, offlinePackSchema, type OfflinePack } from '../lib/offline/offline-pack.ts';
import { PAGEFIND_CORE_GLOBS, PAGEFIND_DIR, PAGEFIND_SEARCH_GLOBS } from '../lib/search/pagefind-files.ts';

/**
 * The app: what every reader needs offline whatever they read, installed with the worker.
 * An allow-list, so a new guide (or a new kind of per-guide file) never joins it: guides,
 * section index pages and Pagefind's index chunks and fragments are saved on demand
 * (offline-pack.json) or when visited. The routes, the data files the app fetches and
 * Pagefind's core each come from their one definition (src/lib/app-files.ts,
 * src/lib/search/pagefind-files.ts), so the app cannot fetch a file the worker lacks.
 */
export const PRECACHE_GLOBS = [
  'index.html',
  '404.html',
  'about/index.html',
  OFFLINE_PAGE,
  // Every page of each app route: the review's statistics and card browser too.
  ...Object.values(APP_ROUTES).map((route) => `${route.slice(1)}**/index.html`),
  '_astro/**/*.{js,css}',
  'icons/*',
  'favicon.svg',
  'manifest.webmanifest',
  ...Object.values(RUNTIME_FILES),
  ...PAGEFIND_CORE_GLOBS,
];

/**
 * The FSRS optimizer (its worker, fsrs-browser's thread helper and its 1.7 MB
 * WASM module, not matched above anyway) is fetched only when a user asks to
 * optimize, so it is kept out of every visitor's install; the worker keeps it
 * once fetched (src/lib/offline/sw.ts).
 */
export const PRECACHE_IGNORES = OPTIMIZER_GLOBS;

const WORKER_FILE = 'sw.js';
const WORKER_SOURCE = fileURLToPath(new URL('../lib/offline/sw.ts', import.meta.url));

export interface ServiceWorkerOptions {
  /** The build output folder; `sw.js` and `offline-pack.json` are written at its root. */
  outDir: string;
}

export interface ServiceWorkerReport {
  /** Absolute path of the written worker. */
  file: string;
  /** Precached files, URLs relative to the worker (and so to the base path). */
  entries: ManifestEntry[];
  /** Total bytes of the precached files. */
  size: number;
  /** What "Save all guides for offline" downloads. */
  pack: OfflinePack;
  warnings: string[];
}

/**
 * Writes `<outDir>/sw.js`: the worker in src/lib/offline/sw.ts, bundled, with the
 * precache manifest of the app (PRECACHE_GLOBS), and `<outDir>/offline-pack.json`, every
 * other page and search file for the save control. Output depends only on the files:
 * entries are sorted and revisions are content hashes. The precache's size budget is
 * the budget checker's (scripts/budgets), so adding guides never fails a build.
 */
export async function generateServiceWorker(options: ServiceWorkerOptions): Promise<ServiceWorkerReport> {
  const manifestOptions = {
    globDirectory: options.outDir,
    globPatterns: PRECACHE_GLOBS,
    globIgnores: PRECACHE_IGNORES,
    // Astro's and Pagefind's files carry a content hash in their names already.
    dontCacheBustURLsMatching: /(^_astro\/|\.pf_[a-z]+$)/,
    // No per-file cap: workbox would drop a big file (the deck) with a mere warning.
    maximumFileSizeToCacheInBytes: Number.MAX_SAFE_INTEGER,
    manifestTransforms: [sortEntries],
  };
  const { manifestEntries = [], size, warnings } = await getManifest(manifestOptions);
  const precached = new Set(manifestEntries.map((entry) => entry.url));
  const pack = await buildOfflinePack(options.outDir, precached);
  await writeFile(join(options.outDir, OFFLINE_PACK_FILE), `${JSON.stringify(pack)}\n`);
  const work = await mkdtemp(join(tmpdir(), 'vibe-check-sw-'));
  try {
    const swSrc = join(work, WORKER_FILE);
    await writeFile(swSrc, await bundleWorker());
    const swDest = join(options.outDir, WORKER_FILE);
    await injectManifest({ ...manifestOptions, swSrc, swDest });
    return { file: swDest, entries: manifestEntries, size, pack, warnings };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Every page outside the precache (guides, section index pages) and every Pagefind index
 * chunk and fragment, sorted by URL. Pagefind's fragment and chunk names are content
 * hashes, so only pages need a revision.
 */
export async function buildOfflinePack(outDir: string, precached: ReadonlySet<string>): Promise<OfflinePack> {
  const files = (await readdir(outDir, { recursive: true })).map((file) => file.split(sep).join('/'));
  const pageFiles = files.filter(
    (file) => file.endsWith('/index.html') && !precached.has(file) && !file.startsWith(`${PAGEFIND_DIR}/`),
  );
  const pages = await Promise.all(
    pageFiles.map(async (file) => {
      const html = await readFile(join(outDir, file));
      const url = file.slice(0, -'index.html'.length);
      return {
        url,
        kind: url.split('/').length === 2 ? ('section' as const) : ('guide' as const),
        title: pageTitle(html.toString('utf8')),
        bytes: html.length,
        revision: createHash('sha256').update(html).digest('hex').slice(0, REVISION_LENGTH),
      };
    }),
  );
  pages.sort((a, b) => compareCodeUnits(a.url, b.url));
  const searchFiles = files.filter((file) => PAGEFIND_SEARCH_GLOBS.some((glob) => matchesGlob(file, glob)));
  const search = await Promise.all(
    searchFiles.sort(compareCodeUnits).map(async (url) => ({ url, bytes: (await stat(join(outDir, url))).size })),
  );
  return offlinePackSchema.parse({ version: 1, pages, search });
}

/** Glob order follows the file system; sorting keeps the same build byte-identical. */
const sortEntries: ManifestTransform = (entries) => ({
  manifest: [...entries].sort((a, b) => compareCodeUnits(a.url, b.url)),
});

async function bundleWorker(): Promise<string> {
  const result = await build({
    entryPoints: [WORKER_SOURCE],
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    legalComments: 'none',
    target: 'es2022',
    // Workbox strips its development logging and assertions on this.
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no service worker');
  return output.text;
}

export function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

/**
 * Generates the offline service worker after every other build step: it must come
 * after the deck and Pagefind integrations in astro.config.mjs so their files are precached.
 */
export function serviceWorkerIntegration(): AstroIntegration {
  return {
    name: 'vibe-check:service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const report = await generateServiceWorker({ outDir: fileURLToPath(dir) });
        for (const warning of report.warnings) logger.warn(warning);
        logger.info(
          `sw.js precaches ${report.entries.length} files, ${formatBytes(report.size)}; ` +
            `${OFFLINE_PACK_FILE} lists ${report.pack.pages.length} pages and ${report.pack.search.length} search files, ${formatBytes([...report.pack.pages, ...report.pack.search].reduce((sum, file) => sum + file.bytes, 0))}`,
        );
      },
    },
  };
}
