import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { PAGES_CACHE, REVISION_HEADER, SEARCH_CACHE, TITLE_HEADER } from '../../src/lib/offline/cache-names.ts';
import type { OfflinePack } from '../../src/lib/offline/offline-pack.ts';
import { loadPack, planSave, runSave, type SaveProgress } from '../../src/lib/offline/save-all.ts';
import { pageKey, pageTitle, toSavedPage } from '../../src/lib/offline/saved-page.ts';
import { listSavedPages } from '../../src/lib/offline/saved-pages.ts';

const BASE = 'https://example.test/vibe/';

/** The Cache Storage API in memory: enough of it for the save code (keys are URLs). */
class MemoryCache {
  readonly entries = new Map<string, Response>();
  async match(request: string | Request): Promise<Response | undefined> {
    return this.entries.get(typeof request === 'string' ? request : request.url)?.clone();
  }
  async put(request: string | Request, response: Response): Promise<void> {
    this.entries.set(typeof request === 'string' ? request : request.url, response.clone());
  }
  async delete(request: string | Request): Promise<boolean> {
    return this.entries.delete(typeof request === 'string' ? request : request.url);
  }
  async keys(): Promise<Request[]> {
    return [...this.entries.keys()].map((url) => new Request(url));
  }
}
class MemoryCacheStorage {
  readonly caches = new Map<string, MemoryCache>();
  async open(name: string): Promise<MemoryCache> {
    const cache = this.caches.get(name) ?? new MemoryCache();
    this.caches.set(name, cache);
    return cache;
  }
}
const asCacheStorage = (storage: MemoryCacheStorage) => storage as unknown as CacheStorage;

const html = (title: string) => `<!doctype html><title>${title} · Vibe Check</title><h1>${title}</h1>`;
const revision = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** A build of three guides and a section page, served by a fake network that counts requests. */
function site(files: Record<string, string> = {}) {
  const served: Record<string, string> = {
    'phases/': html('Phases'),
    'phases/constraints/': html('Constraints & budgets'),
    'phases/design/': html('Design'),
    'prompts/feed-ranking/': html('Feed ranking'),
    'pagefind/index/en_1.pf_index': 'index',
    'pagefind/fragment/en_2.pf_fragment': 'fragment',
    ...files,
  };
  const pack: OfflinePack = {
    version: 1,
    pages: Object.keys(served)
      .filter((url) => url.endsWith('/'))
      .map((url) => ({
        url,
        kind: url.split('/').length === 2 ? ('section' as const) : ('guide' as const),
        title: url,
        bytes: Buffer.byteLength(served[url] ?? ''),
        revision: revision(served[url] ?? ''),
      })),
    search: Object.keys(served)
      .filter((url) => url.startsWith('pagefind/'))
      .map((url) => ({ url, bytes: Buffer.byteLength(served[url] ?? '') })),
  };
  const requested: string[] = [];
  let failAfter = Infinity;
  const fetcher = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    init?.signal?.throwIfAborted();
    if (requested.length >= failAfter) throw new TypeError('Failed to fetch');
    requested.push(url.slice(BASE.length));
    const body = served[url.slice(BASE.length)];
    if (url.endsWith('offline-pack.json')) return Response.json(pack);
    return body === undefined
      ? new Response('missing', { status: 404 })
      : new Response(body, { headers: { 'content-type': 'text/html; charset=utf-8' } });
  }) as typeof fetch;
  return {
    pack,
    served,
    requested,
    fetcher,
    failAfter(n: number) {
      failAfter = n;
    },
  };
}

describe('saving every guide for offline', () => {
  test('a fresh device has every page and search file to save; a complete run saves them with titles and revisions', async () => {
    const storage = new MemoryCacheStorage();
    const { pack, fetcher } = site();
    const plan = await planSave(pack, BASE, asCacheStorage(storage));
    expect(plan.guidesTotal).toBe(3);
    expect(plan.guidesCurrent).toBe(0);
    expect(plan.pagesToSave).toHaveLength(4);
    expect(plan.searchToSave).toHaveLength(2);

    const seen: SaveProgress[] = [];
    const done = await runSave(plan, {
      cacheStorage: asCacheStorage(storage),
      fetcher,
      onProgress: (p) => seen.push(p),
    });
    const totalBytes = [...pack.pages, ...pack.search].reduce((sum, f) => sum + f.bytes, 0);
    expect(done).toEqual({ guidesDone: 3, guidesTotal: 3, bytesDone: totalBytes, bytesTotal: totalBytes });
    expect(seen[0]).toEqual({ guidesDone: 0, guidesTotal: 3, bytesDone: 0, bytesTotal: totalBytes });
    // One report per file, never going backwards.
    expect(seen).toHaveLength(1 + 6);
    expect(seen.map((p) => p.bytesDone)).toEqual([...seen.map((p) => p.bytesDone)].sort((a, b) => a - b));

    const saved = await listSavedPages(asCacheStorage(storage));
    expect(saved.find((p) => p.href === `${BASE}phases/constraints/`)).toEqual({
      href: `${BASE}phases/constraints/`,
      title: 'Constraints & budgets',
      revision: pack.pages.find((p) => p.url === 'phases/constraints/')?.revision,
    });
    expect((await storage.open(SEARCH_CACHE)).entries.size).toBe(2);
    const again = await planSave(pack, BASE, asCacheStorage(storage));
    expect([again.guidesCurrent, again.pagesToSave.length, again.searchToSave.length]).toEqual([3, 0, 0]);
  });

  test('cancelled mid-way, what was saved stays saved and the next run downloads only the rest', async () => {
    const storage = new MemoryCacheStorage();
    const { pack, fetcher, requested } = site();
    const controller = new AbortController();
    const plan = await planSave(pack, BASE, asCacheStorage(storage));
    const run = runSave(plan, {
      cacheStorage: asCacheStorage(storage),
      fetcher,
      concurrency: 1,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.bytesDone > 0 && requested.length === 3) controller.abort(new DOMException('Cancelled', 'AbortError'));
      },
    });
    await expect(run).rejects.toThrow('Cancelled');
    const kept = (await storage.open(PAGES_CACHE)).entries.size + (await storage.open(SEARCH_CACHE)).entries.size;
    expect(kept).toBe(3);

    requested.length = 0;
    const resumed = await planSave(pack, BASE, asCacheStorage(storage));
    await runSave(resumed, { cacheStorage: asCacheStorage(storage), fetcher });
    expect(requested).toHaveLength(6 - 3);
    expect((await planSave(pack, BASE, asCacheStorage(storage))).pagesToSave).toEqual([]);
  });

  test('a network failure stops the run with its cause and keeps what was saved', async () => {
    const storage = new MemoryCacheStorage();
    const network = site();
    network.failAfter(4);
    const plan = await planSave(network.pack, BASE, asCacheStorage(storage));
    await expect(
      runSave(plan, { cacheStorage: asCacheStorage(storage), fetcher: network.fetcher, concurrency: 1 }),
    ).rejects.toThrow('Failed to fetch');
    expect((await storage.open(PAGES_CACHE)).entries.size + (await storage.open(SEARCH_CACHE)).entries.size).toBe(4);
  });

  test('a new build: changed guides are out of date, removed ones are dropped after a complete run', async () => {
    const storage = new MemoryCacheStorage();
    const before = site();
    await runSave(await planSave(before.pack, BASE, asCacheStorage(storage)), {
      cacheStorage: asCacheStorage(storage),
      fetcher: before.fetcher,
    });
    const after = site({ 'phases/design/': html('Design, revised') });
    after.pack.pages = after.pack.pages.filter((p) => p.url !== 'prompts/feed-ranking/');
    const plan = await planSave(after.pack, BASE, asCacheStorage(storage));
    expect(plan.guidesOutdated).toBe(1);
    expect(plan.pagesToSave.map((p) => p.url)).toEqual(['phases/design/']);
    expect(plan.staleKeys.pages).toEqual([`${BASE}prompts/feed-ranking/`]);
    await runSave(plan, { cacheStorage: asCacheStorage(storage), fetcher: after.fetcher });
    const saved = await listSavedPages(asCacheStorage(storage));
    expect(saved.map((p) => p.title).sort()).toEqual(['Constraints & budgets', 'Design, revised', 'Phases']);
  });

  test('a broken offline-pack.json is an error naming the file, and nothing is saved', async () => {
    const fetcher = (async () => Response.json({ version: 2, pages: [] })) as unknown as typeof fetch;
    await expect(loadPack(BASE, fetcher)).rejects.toThrow(/^offline-pack\.json is not a valid list of guides/u);
    const missing = (async () => new Response('', { status: 404 })) as unknown as typeof fetch;
    await expect(loadPack(BASE, missing)).rejects.toThrow('offline-pack.json could not be loaded (HTTP 404).');
  });
});

describe('a saved page', () => {
  test('keeps its body and headers, and gains its title and the build revision of its bytes', async () => {
    const body = html('Cost & latency');
    const saved = await toSavedPage(
      new Response(body, { headers: { 'content-type': 'text/html', 'content-length': '999', etag: '"x"' } }),
    );
    expect(await saved.clone().text()).toBe(body);
    expect(saved.headers.get('etag')).toBe('"x"');
    expect(saved.headers.get('content-length')).toBeNull();
    expect(decodeURIComponent(saved.headers.get(TITLE_HEADER) ?? '')).toBe('Cost & latency');
    expect(saved.headers.get(REVISION_HEADER)).toBe(revision(body));
  });

  test('is keyed by its directory URL, whatever query, fragment or index.html the request had', () => {
    expect(pageKey(`${BASE}phases/constraints/index.html?x=1#budget`)).toBe(`${BASE}phases/constraints/`);
    expect(pageKey(`${BASE}phases/?q=a`)).toBe(`${BASE}phases/`);
  });

  test('titles decode entities and drop the site name', () => {
    expect(pageTitle('<title>A &amp; B &quot;C&quot; &#39;D&#39; · Vibe Check</title>')).toBe(`A & B "C" 'D'`);
    expect(pageTitle('<p>no title</p>')).toBe('');
  });
});
