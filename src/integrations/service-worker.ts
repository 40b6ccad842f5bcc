import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getManifest, injectManifest } from 'workbox-build';
import type { ManifestEntry, ManifestTransform } from 'workbox-build';

/** Everything the site needs offline: every file of the build but these. */
export const PRECACHE_GLOBS = ['**/*'];
export const PRECACHE_IGNORES = [
  // For crawlers and debuggers, never for a reader.
  'sitemap*.xml',
  '**/*.map',
  'pagefind/playground/**',
  // Pagefind's ready-made UIs: the site has its own search dialog over pagefind.js.
  'pagefind/pagefind-*ui.*',
  'pagefind/pagefind-highlight.js',
];

/** A reader installs the whole precache on the first visit: keep it a small download. */
export const PRECACHE_BUDGET_BYTES = 3 * 1024 * 1024;

const WORKER_FILE = 'sw.js';
const WORKER_SOURCE = fileURLToPath(new URL('../lib/offline/sw.ts', import.meta.url));

export interface ServiceWorkerOptions {
  /** The build output folder; `sw.js` is written at its root. */
  outDir: string;
  /** The build fails when the precache is larger. */
  budgetBytes?: number;
}

export interface ServiceWorkerReport {
  /** Absolute path of the written worker. */
  file: string;
  /** Precached files, URLs relative to the worker (and so to the base path). */
  entries: ManifestEntry[];
  /** Total bytes of the precached files. */
  size: number;
  warnings: string[];
}

/**
 * Writes `<outDir>/sw.js`: the worker in src/lib/offline/sw.ts, bundled, with the
 * precache manifest of every file in `outDir` (globs, so nothing is listed by hand).
 * Output depends only on the files: entries are sorted and revisions are content hashes.
 */
export async function generateServiceWorker(options: ServiceWorkerOptions): Promise<ServiceWorkerReport> {
  const budget = options.budgetBytes ?? PRECACHE_BUDGET_BYTES;
  const manifestOptions = {
    globDirectory: options.outDir,
    globPatterns: PRECACHE_GLOBS,
    globIgnores: [...PRECACHE_IGNORES, WORKER_FILE],
    // Astro's and Pagefind's files carry a content hash in their names already.
    dontCacheBustURLsMatching: /(^_astro\/|\.pf_[a-z]+$)/,
    // No per-file cap: workbox would drop a big file with a mere warning; the budget
    // below fails the build instead.
    maximumFileSizeToCacheInBytes: Number.MAX_SAFE_INTEGER,
    manifestTransforms: [sortEntries],
  };
  const { manifestEntries = [], size, warnings } = await getManifest(manifestOptions);
  if (size > budget) {
    throw new Error(
      `The precache is ${formatBytes(size)} in ${manifestEntries.length} files, over its ${formatBytes(budget)} budget. ` +
        'Shrink the build or leave files out in PRECACHE_IGNORES (src/integrations/service-worker.ts).',
    );
  }
  const work = await mkdtemp(join(tmpdir(), 'vibe-check-sw-'));
  try {
    const swSrc = join(work, WORKER_FILE);
    await writeFile(swSrc, await bundleWorker());
    const swDest = join(options.outDir, WORKER_FILE);
    await injectManifest({ ...manifestOptions, swSrc, swDest });
    return { file: swDest, entries: manifestEntries, size, warnings };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Glob order follows the file system; sorting keeps the same build byte-identical. */
const sortEntries: ManifestTransform = (entries) => ({
  manifest: [...entries].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)),
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
        logger.info(`sw.js precaches ${report.entries.length} files, ${formatBytes(report.size)}`);
      },
    },
  };
}
