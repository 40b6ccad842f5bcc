import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeSyntheticContent } from '../../scripts/lib/synthetic-content.ts';
import { buildDeck, buildDeckFromDir, buildDeckFromDirParallel, type SourceFile } from '../../src/deck/build.ts';
import { openFileCache, type FileCache } from '../../src/deck/cache.ts';
import { main } from '../../scripts/deck/cli.ts';
import { listMdxFiles } from '../../src/deck/content-files.ts';
import { serializeOutputs } from '../../src/deck/outputs.ts';

const VALID = 'tests/fixtures/deck/valid';

afterEach(() => {
  vi.restoreAllMocks();
});

function readAll(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name))]));
}

describe('deck builds are deterministic', () => {
  it('writes byte-identical files when the CLI runs twice', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const a = join(mkdtempSync(join(tmpdir(), 'deck-a-')), 'out');
    const b = join(mkdtempSync(join(tmpdir(), 'deck-b-')), 'out');
    expect(await main(['--content', VALID, '--out', a], {})).toBe(0);
    expect(await main(['--content', VALID, '--out', b], {})).toBe(0);
    const first = readAll(a);
    const second = readAll(b);
    expect([...first.keys()].sort()).toEqual([
      'deck.json',
      'deck.schema.json',
      'questions.json',
      'vibe-check.anki.txt',
    ]);
    for (const [name, bytes] of first) expect(second.get(name)?.equals(bytes), name).toBe(true);
  });

  it('writes the same bytes whether files are parsed in worker threads or not', async () => {
    const content = mkdtempSync(join(tmpdir(), 'deck-content-'));
    writeSyntheticContent(content, { pages: 24, cardsPerPage: 4, questionsPerPage: 2 });
    const single = buildDeckFromDir(content);
    // A tiny threshold forces two workers on a small corpus.
    const parallel = await buildDeckFromDirParallel(content, { minFilesPerWorker: 8 });
    if (!single.ok || !parallel.ok) throw new Error('synthetic content should be valid');
    // Cross-page `also` links are resolved after the per-file stage: the synthetic content has them.
    expect(single.build.deck.cards.filter((c) => c.concepts.length > 1).length).toBeGreaterThan(20);
    expect(serializeOutputs(parallel.build)).toEqual(serializeOutputs(single.build));
  }, 120_000);

  it('gives the same bytes from a warm cache, and misses only for a changed file', async () => {
    const content = mkdtempSync(join(tmpdir(), 'deck-content-'));
    cpSync(VALID, content, { recursive: true });
    const cache = openFileCache(mkdtempSync(join(tmpdir(), 'deck-cache-')));
    if (!cache) throw new Error('the builder should fingerprint its own sources');
    let hits = 0;
    const counting: FileCache = {
      get: (path, source) => {
        const hit = cache.get(path, source);
        if (hit) hits++;
        return hit;
      },
      set: (path, source, result) => cache.set(path, source, result),
    };
    const cold = await buildDeckFromDirParallel(content, { cache: counting });
    expect(hits).toBe(0);
    const warm = await buildDeckFromDirParallel(content, { cache: counting });
    expect(hits).toBe(5);
    if (!cold.ok || !warm.ok) throw new Error('fixture should be valid');
    expect(serializeOutputs(warm.build)).toEqual(serializeOutputs(cold.build));
    const page = join(content, 'prompts', 'feed.mdx');
    writeFileSync(page, readFileSync(page, 'utf8').replace('Long-term engagement', 'Long-term retention'));
    hits = 0;
    const edited = await buildDeckFromDirParallel(content, { cache: counting });
    expect(hits).toBe(4);
    if (!edited.ok) throw new Error('edited fixture should be valid');
    expect(edited.build.deck.cards.find((c) => c.id === 'gen-prompts-feed-north-star')?.back).toBe(
      '<p>Long-term retention (7-day return rate).</p>',
    );
  });

  it('does not depend on the order files are read in', () => {
    const dir = 'tests/fixtures/deck/valid';
    const files: SourceFile[] = listMdxFiles(dir).map((path) => ({
      path,
      source: readFileSync(join(dir, path), 'utf8'),
    }));
    const forward = buildDeck(files);
    const backward = buildDeck([...files].reverse());
    if (!forward.ok || !backward.ok) throw new Error('fixture should be valid');
    expect(serializeOutputs(backward.build)).toEqual(serializeOutputs(forward.build));
  });

  it('writes no timestamps', () => {
    const dir = 'tests/fixtures/deck/valid';
    const files = listMdxFiles(dir).map((path) => ({ path, source: readFileSync(join(dir, path), 'utf8') }));
    const result = buildDeck(files);
    if (!result.ok) throw new Error('fixture should be valid');
    const year = String(new Date().getFullYear());
    for (const [name, text] of serializeOutputs(result.build)) expect(text.includes(year), name).toBe(false);
  });
});
