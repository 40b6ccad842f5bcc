import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import { generateServiceWorker } from '../../src/integrations/service-worker.ts';
import { offlinePackSchema } from '../../src/lib/offline/offline-pack.ts';
import { isOptimizerFile } from '../../src/lib/offline/cache-names.ts';
import { RUNTIME_FILES } from '../../src/lib/app-files.ts';
import { DECK_FILES } from '../../src/deck/outputs.ts';
import { isPagefindSearchFile } from '../../src/lib/search/pagefind-files.ts';

/** A miniature build output: what Astro, the deck builder and Pagefind leave in outDir. */
const BUILD: Record<string, string> = {
  'index.html': '<h1>Home</h1>',
  '404.html': '<h1>Page not found</h1>',
  'about/index.html': '<h1>About</h1>',
  'offline/index.html': '<h1>Offline</h1>',
  'review/index.html': '<h1>Review</h1>',
  'review/stats/index.html': '<h1>Stats</h1>',
  'review/cards/index.html': '<h1>All cards</h1>',
  'questions/index.html': '<h1>Questions</h1>',
  'drill/index.html': '<h1>Drill</h1>',
  'phases/index.html': '<title>Phases · Vibe Check</title>',
  'phases/constraints/index.html': '<title>Constraints &amp; budgets · Vibe Check</title><h1>Constraints</h1>',
  'pagefind/filter/en_9f8e7d.pf_filter': 'filter',
  'deck.schema.json': '{}',
  'vibe-check.anki.txt': '#separator:tab',
  '_astro/BaseLayout.abc123.css': 'body{}',
  '_astro/page.def456.js': 'console.log(1)',
  '_astro/page.def456.js.map': '{}',
  'deck.json': '{"version":1,"cards":[]}',
  'questions.json': '{"version":1,"questions":[]}',
  'questions/search-index.json': '{"version":1,"index":{}}',
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

const APP = [
  '404.html',
  '_astro/BaseLayout.abc123.css',
  '_astro/page.def456.js',
  'about/index.html',
  'deck.json',
  'drill/index.html',
  'icons/icon-192.png',
  'index.html',
  'manifest.webmanifest',
  'offline/index.html',
  'pagefind/filter/en_9f8e7d.pf_filter',
  'pagefind/pagefind-entry.json',
  'pagefind/pagefind.en_0a1b2c.pf_meta',
  'pagefind/pagefind.js',
  'pagefind/wasm.en.pagefind',
  'questions.json',
  'questions/index.html',
  'questions/search-index.json',
  'review/cards/index.html',
  'review/index.html',
  'review/stats/index.html',
];

describe('generateServiceWorker', () => {
  test('precaches the app (shell, app pages, deck, indexes, Pagefind core) and no guide or fragment', async () => {
    const report = await generateServiceWorker({ outDir });
    expect(report.entries.map((e) => e.url)).toEqual(APP);
    const expectedSize = report.entries.reduce((sum, e) => sum + (BUILD[e.url]?.length ?? NaN), 0);
    expect(report.size).toBe(expectedSize);
  });

  test('the optimizer (its worker, thread helper and WASM) is left out; the plan worker is in', async () => {
    await writeBuild({
      '_astro/optimizer-worker-Ab12Cd.js': 'optimizer',
      '_astro/workerHelpers-Ef34Gh.js': 'helpers',
      '_astro/fsrs_browser_bg-Ij56Kl.wasm': 'wasm',
      '_astro/plan-worker-Mn78Op.js': 'plan',
    });
    const urls = (await generateServiceWorker({ outDir })).entries.map((e) => e.url);
    expect(urls).toContain('_astro/plan-worker-Mn78Op.js');
    expect(urls.filter((url) => /optimizer|workerHelpers|wasm$/u.test(url) && url.startsWith('_astro/'))).toEqual([]);
  });

  test('the precache does not grow with the guides', async () => {
    const guides = Object.fromEntries(
      Array.from({ length: 100 }, (_, i) => [
        `prompts/guide-${i}/index.html`,
        `<title>Guide ${i} · Vibe Check</title>`,
      ]),
    );
    await writeBuild({ ...guides, 'prompts/index.html': '<title>Practice prompts · Vibe Check</title>' });
    const report = await generateServiceWorker({ outDir });
    expect(report.entries.map((e) => e.url)).toEqual(APP);
    expect(report.pack.pages.filter((p) => p.kind === 'guide')).toHaveLength(101);
  });

  test('writes offline-pack.json: every other page with its title, size and revision, and the search files', async () => {
    const { pack } = await generateServiceWorker({ outDir });
    const written = offlinePackSchema.parse(JSON.parse(await readFile(join(outDir, 'offline-pack.json'), 'utf8')));
    expect(written).toEqual(pack);
    expect(pack.pages.map(({ url, kind, title, bytes }) => ({ url, kind, title, bytes }))).toEqual([
      { url: 'phases/', kind: 'section', title: 'Phases', bytes: Buffer.byteLength(BUILD['phases/index.html'] ?? '') },
      {
        url: 'phases/constraints/',
        kind: 'guide',
        title: 'Constraints & budgets',
        bytes: Buffer.byteLength(BUILD['phases/constraints/index.html'] ?? ''),
      },
    ]);
    const html = BUILD['phases/constraints/index.html'] ?? '';
    const revision = createHash('sha256').update(html).digest('hex').slice(0, 16);
    expect(pack.pages[1]?.revision).toBe(revision);
    expect(pack.search).toEqual([
      { url: 'pagefind/fragment/en_6a7b8c.pf_fragment', bytes: 'fragment'.length },
      { url: 'pagefind/index/en_3d4e5f.pf_index', bytes: 'index'.length },
    ]);
  });
  test('writes sw.js with the manifest injected, URLs relative so the base path carries over', async () => {
    const report = await generateServiceWorker({ outDir });
    expect(report.file).toBe(join(outDir, 'sw.js'));
    const sw = await readFile(report.file, 'utf8');
    expect(sw).not.toContain('__WB_MANIFEST');
    expect(sw).toContain('"url":"review/index.html"');
    expect(sw).not.toContain('phases/constraints');
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
    // A guide is not in the worker: editing one changes its revision in the pack only.
    await writeBuild({ 'phases/constraints/index.html': '<h1>Constraints, revised</h1>' });
    const edited = await generateServiceWorker({ outDir });
    expect(await readFile(edited.file, 'utf8')).toBe(first);
    await writeBuild({ 'review/index.html': '<h1>Review, revised</h1>' });
    const changed = await readFile((await generateServiceWorker({ outDir })).file, 'utf8');
    expect(changed).not.toBe(first);
  });

  test('never fails the build for size: a big deck is precached whole (the budget checker judges it)', async () => {
    await writeBuild({ 'deck.json': 'x'.repeat(4 * 1024 * 1024) });
    const report = await generateServiceWorker({ outDir });
    expect(report.entries.map((e) => e.url)).toContain('deck.json');
    expect(report.size).toBeGreaterThan(4 * 1024 * 1024);
  });
});

describe('the files the app fetches at run time', () => {
  test('each one is precached (the question search index too: it is not an index.html)', async () => {
    const urls = (await generateServiceWorker({ outDir })).entries.map((e) => e.url);
    for (const file of Object.values(RUNTIME_FILES)) expect(urls, file).toContain(file);
  });

  test('each one is a file the build writes: a deck output or a page endpoint', () => {
    const written = new Set<string>([...Object.values(DECK_FILES)]);
    for (const file of Object.values(RUNTIME_FILES)) {
      const endpoint = new URL(`../../src/pages/${file}.ts`, import.meta.url);
      expect(written.has(file) || existsSync(endpoint), file).toBe(true);
    }
  });
});

describe('isOptimizerFile', () => {
  test('matches the optimizer worker, its thread helper and WebAssembly in _astro/, nothing else', () => {
    for (const path of [
      '_astro/optimizer-worker-Cv7g18IX.js',
      '_astro/workerHelpers-BeFyBMvU.js',
      '_astro/fsrs_bg-1a.wasm',
    ])
      expect(isOptimizerFile(path), path).toBe(true);
    for (const path of [
      '_astro/review-app.js',
      'pagefind/wasm.en.pagefind',
      '_astro/nested/x.wasm',
      'optimizer-worker-a.js',
    ])
      expect(isOptimizerFile(path), path).toBe(false);
  });
});

describe('isPagefindSearchFile', () => {
  test("matches the index chunks and fragments the pack lists, not Pagefind's core", () => {
    for (const path of ['pagefind/index/en_3d4e5f.pf_index', 'pagefind/fragment/en_6a7b8c.pf_fragment'])
      expect(isPagefindSearchFile(path), path).toBe(true);
    for (const path of [
      'pagefind/pagefind.js',
      'pagefind/filter/en_9f.pf_filter',
      'pagefind/index/a/b',
      'x/pagefind/index/a',
    ])
      expect(isPagefindSearchFile(path), path).toBe(false);
  });
});
