import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { generateServiceWorker } from '../../src/integrations/service-worker.ts';

/** A miniature build output: what Astro, the deck builder and Pagefind leave in outDir. */
const BUILD: Record<string, string> = {
  'index.html': '<h1>Home</h1>',
  '404.html': '<h1>Page not found</h1>',
  'phases/constraints/index.html': '<h1>Constraints</h1>',
  '_astro/BaseLayout.abc123.css': 'body{}',
  '_astro/page.def456.js': 'console.log(1)',
  '_astro/page.def456.js.map': '{}',
  'deck.json': '{"version":1,"cards":[]}',
  'questions.json': '{"version":1,"questions":[]}',
  'manifest.webmanifest': '{}',
  'icons/icon-192.png': 'png',
  'pagefind/pagefind.js': 'export {}',
  'pagefind/pagefind-entry.json': '{}',
  'pagefind/pagefind.en_0a1b2c.pf_meta': 'meta',
  'pagefind/index/en_3d4e5f.pf_index': 'index',
  'pagefind/fragment/en_6a7b8c.pf_fragment': 'fragment',
  'pagefind/wasm.en.pagefind': 'wasm',
  'pagefind/playground/index.html': 'playground',
  'pagefind/pagefind-ui.js': 'ui',
  'pagefind/pagefind-ui.css': 'ui',
  'pagefind/pagefind-component-ui.js': 'ui',
  'pagefind/pagefind-modular-ui.css': 'ui',
  'pagefind/pagefind-highlight.js': 'highlight',
  'pagefind/pagefind-worker.js': 'worker',
  'sitemap-index.xml': '<sitemapindex/>',
  'sitemap-0.xml': '<urlset/>',
};

let outDir: string;

beforeEach(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'sw-test-'));
  await writeBuild(BUILD);
});
afterEach(async () => {
  await rm(outDir, { recursive: true, force: true });
});

async function writeBuild(files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(outDir, path)), { recursive: true });
    await writeFile(join(outDir, path), text);
  }
}

describe('generateServiceWorker', () => {
  test('precaches every page, asset, deck, question index and Pagefind file, and nothing else', async () => {
    const report = await generateServiceWorker({ outDir });
    expect(report.entries.map((e) => e.url)).toEqual([
      '404.html',
      '_astro/BaseLayout.abc123.css',
      '_astro/page.def456.js',
      'deck.json',
      'icons/icon-192.png',
      'index.html',
      'manifest.webmanifest',
      'pagefind/fragment/en_6a7b8c.pf_fragment',
      'pagefind/index/en_3d4e5f.pf_index',
      'pagefind/pagefind-entry.json',
      'pagefind/pagefind-worker.js',
      'pagefind/pagefind.en_0a1b2c.pf_meta',
      'pagefind/pagefind.js',
      'pagefind/wasm.en.pagefind',
      'phases/constraints/index.html',
      'questions.json',
    ]);
    const expectedSize = report.entries.reduce((sum, e) => sum + (BUILD[e.url]?.length ?? NaN), 0);
    expect(report.size).toBe(expectedSize);
  });

  test('writes sw.js with the manifest injected, URLs relative so the base path carries over', async () => {
    const report = await generateServiceWorker({ outDir });
    expect(report.file).toBe(join(outDir, 'sw.js'));
    const sw = await readFile(report.file, 'utf8');
    expect(sw).not.toContain('__WB_MANIFEST');
    expect(sw).toContain('"url":"phases/constraints/index.html"');
    expect(sw).not.toMatch(/"url":"\//);
    // Production workbox: no development logging left in the bundle.
    expect(sw).not.toContain('process.env');
    expect(sw.length).toBeLessThan(40_000);
  });

  test('revisions unhashed files by content and leaves hashed names alone', async () => {
    const { entries } = await generateServiceWorker({ outDir });
    const byUrl = new Map(entries.map((e) => [e.url, e.revision]));
    expect(byUrl.get('index.html')).toMatch(/^[0-9a-f]{32}$/);
    expect(byUrl.get('deck.json')).toMatch(/^[0-9a-f]{32}$/);
    expect(byUrl.get('_astro/page.def456.js')).toBeNull();
    expect(byUrl.get('pagefind/pagefind.en_0a1b2c.pf_meta')).toBeNull();
  });

  test('the same build gives a byte-identical worker; a content change gives a new one', async () => {
    const first = await readFile((await generateServiceWorker({ outDir })).file, 'utf8');
    const again = await readFile((await generateServiceWorker({ outDir })).file, 'utf8');
    expect(again).toBe(first);
    await writeBuild({ 'phases/constraints/index.html': '<h1>Constraints, revised</h1>' });
    const changed = await readFile((await generateServiceWorker({ outDir })).file, 'utf8');
    expect(changed).not.toBe(first);
  });

  test('fails the build when the precache is over budget', async () => {
    await expect(generateServiceWorker({ outDir, budgetBytes: 100 })).rejects.toThrow(/over its 0.1 KB budget/);
    // A single big file fails the build too, rather than silently going uncached.
    await writeBuild({ 'big.json': 'x'.repeat(4 * 1024 * 1024) });
    await expect(generateServiceWorker({ outDir })).rejects.toThrow(/over its 3.00 MB budget/);
  });
});
