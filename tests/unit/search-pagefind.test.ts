import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PagefindIndex } from 'pagefind';
import { PAGEFIND_CACHE_TAG_PLACEHOLDER } from '../../src/lib/search/pagefind-cache-tag.ts';

// The integration imports the real module; the hook test below swaps it for this fake.
const mocked = vi.hoisted(() => ({ api: undefined as unknown }));
vi.mock('pagefind', () => ({
  createIndex: (...args: unknown[]) =>
    (mocked.api as { createIndex: (...a: unknown[]) => unknown }).createIndex(...args),
  close: () => (mocked.api as { close: () => unknown }).close(),
}));

const { buildPagefindIndex, pagefindIntegration } = await import('../../src/integrations/pagefind.ts');

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vibe-pagefind-'));
  await mkdir(join(dir, 'phases', 'constraints'), { recursive: true });
  const page = `<html><body><search-dialog data-cache-tag="${PAGEFIND_CACHE_TAG_PLACEHOLDER}"></search-dialog></body></html>`;
  await writeFile(join(dir, 'index.html'), page);
  await writeFile(join(dir, 'phases', 'constraints', 'index.html'), page);
  await writeFile(join(dir, '404.html'), '<html><body>no trigger here</body></html>');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface FakeOptions {
  createErrors?: string[];
  noIndex?: boolean;
  addErrors?: string[];
  pageCount?: number;
  writeErrors?: string[];
  entry?: string;
}

/** A stand-in for the pagefind module that records calls and writes a minimal bundle. */
function fakePagefind(options: FakeOptions = {}) {
  const calls: string[] = [];
  const index = {
    addDirectory: vi.fn(async ({ path }: { path: string }) => {
      calls.push(`addDirectory ${path}`);
      return { errors: options.addErrors ?? [], page_count: options.pageCount ?? 2 };
    }),
    writeFiles: vi.fn(async ({ outputPath }: { outputPath: string }) => {
      calls.push(`writeFiles ${outputPath}`);
      if (!options.writeErrors?.length) {
        await mkdir(outputPath, { recursive: true });
        await writeFile(join(outputPath, 'pagefind-entry.json'), options.entry ?? '{"version":"1.6.0"}');
        for (const file of ['pagefind.js', 'wasm.en.pagefind', 'pagefind-ui.js', 'pagefind-worker.js']) {
          await writeFile(join(outputPath, file), file);
        }
      }
      return { errors: options.writeErrors ?? [], outputPath };
    }),
  };
  const api = {
    createIndex: vi.fn(async (config?: unknown) => {
      calls.push(`createIndex ${JSON.stringify(config)}`);
      return {
        errors: options.createErrors ?? [],
        ...(options.noIndex || options.createErrors?.length ? {} : { index: index as unknown as PagefindIndex }),
      };
    }),
    close: vi.fn(async () => {
      calls.push('close');
      return null;
    }),
  };
  return { api, index, calls };
}

describe('buildPagefindIndex', () => {
  it('indexes the folder, writes the bundle to <dir>/pagefind/ and closes the service', async () => {
    const { api, calls } = fakePagefind();
    const report = await buildPagefindIndex(dir, api);
    expect(calls).toEqual([
      'createIndex {"forceLanguage":"en"}',
      `addDirectory ${dir}`,
      `writeFiles ${join(dir, 'pagefind')}`,
      'close',
    ]);
    expect(report.pageCount).toBe(2);
  });

  it('removes the bundle files the site never loads and keeps the rest', async () => {
    await buildPagefindIndex(dir, fakePagefind().api);
    const left = await readdir(join(dir, 'pagefind'));
    expect(left.sort()).toEqual(['pagefind-entry.json', 'pagefind.js', 'wasm.en.pagefind']);
  });

  it('stamps every page that has the search trigger with a hash of the entry file', async () => {
    const { api } = fakePagefind({ entry: '{"version":"1.6.0","languages":{"en":{"hash":"en_1"}}}' });
    const report = await buildPagefindIndex(dir, api);
    expect(report.cacheTag).toMatch(/^[0-9a-f]{16}$/u);
    expect(report.taggedPages).toBe(2);
    const page = await readFile(join(dir, 'phases', 'constraints', 'index.html'), 'utf8');
    expect(page).toContain(`data-cache-tag="${report.cacheTag}"`);
    expect(page).not.toContain(PAGEFIND_CACHE_TAG_PLACEHOLDER);
    expect(await readFile(join(dir, '404.html'), 'utf8')).toBe('<html><body>no trigger here</body></html>');
  });

  it('gives the same tag to the same index and a new tag to a changed one', async () => {
    const tagFor = async (entry: string) => {
      const copy = await mkdtemp(join(tmpdir(), 'vibe-pagefind-'));
      try {
        return (await buildPagefindIndex(copy, fakePagefind({ entry }).api)).cacheTag;
      } finally {
        await rm(copy, { recursive: true, force: true });
      }
    };
    expect(await tagFor('{"a":1}')).toBe(await tagFor('{"a":1}'));
    expect(await tagFor('{"a":1}')).not.toBe(await tagFor('{"a":2}'));
  });

  it('fails with Pagefind’s own errors when the index cannot be created, and still closes', async () => {
    const { api } = fakePagefind({ createErrors: ['binary not found'] });
    await expect(buildPagefindIndex(dir, api)).rejects.toThrow(/could not create the index:\nbinary not found/u);
    expect(api.close).toHaveBeenCalledOnce();
  });

  it('fails when Pagefind returns no index without saying why', async () => {
    const { api } = fakePagefind({ noIndex: true });
    await expect(buildPagefindIndex(dir, api)).rejects.toThrow(/could not create the index and gave no reason/u);
    expect(api.close).toHaveBeenCalledOnce();
  });

  it('fails on indexing errors without writing anything', async () => {
    const { api, index } = fakePagefind({ addErrors: ['bad html in a.html', 'bad html in b.html'] });
    await expect(buildPagefindIndex(dir, api)).rejects.toThrow(/bad html in a\.html\nbad html in b\.html/u);
    expect(index.writeFiles).not.toHaveBeenCalled();
    expect(api.close).toHaveBeenCalledOnce();
  });

  it('fails when no page has indexable content (data-pagefind-body lost)', async () => {
    const { api } = fakePagefind({ pageCount: 0 });
    await expect(buildPagefindIndex(dir, api)).rejects.toThrow(/found no pages to index/u);
    expect(api.close).toHaveBeenCalledOnce();
  });

  it('fails on write errors', async () => {
    const { api } = fakePagefind({ writeErrors: ['disk full'] });
    await expect(buildPagefindIndex(dir, api)).rejects.toThrow(/could not write .*pagefind:\ndisk full/u);
    expect(api.close).toHaveBeenCalledOnce();
  });
});

describe('pagefindIntegration', () => {
  it('indexes the build output at astro:build:done and logs what it did', async () => {
    const { api, calls } = fakePagefind();
    mocked.api = api;
    const hook = pagefindIntegration().hooks['astro:build:done'];
    const logger = { info: vi.fn() };
    await (hook as (options: unknown) => Promise<void>)({ dir: pathToFileURL(`${dir}/`), logger });
    expect(calls[1]).toBe(`addDirectory ${dir}/`);
    expect(logger.info).toHaveBeenCalledWith(expect.stringMatching(/^Indexed 2 pages into pagefind\//u));
  });
});
