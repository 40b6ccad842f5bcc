import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { syntheticContent, writeContent } from '../../scripts/deck/bench.ts';
import { buildDeck, buildDeckFromDir, buildDeckFromDirParallel, type SourceFile } from '../../scripts/deck/build.ts';
import { main } from '../../scripts/deck/cli.ts';
import { listMdxFiles } from '../../scripts/deck/content-files.ts';
import { serializeOutputs } from '../../scripts/deck/outputs.ts';

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
    writeContent(content, syntheticContent(24, 4, 0));
    const single = buildDeckFromDir(content);
    // A tiny threshold forces two workers on a small corpus.
    const parallel = await buildDeckFromDirParallel(content, 8);
    if (!single.ok || !parallel.ok) throw new Error('synthetic content should be valid');
    expect(serializeOutputs(parallel.build)).toEqual(serializeOutputs(single.build));
  }, 120_000);

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
