import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { syntheticContent, writeContent } from '../../scripts/deck/bench.ts';
import { buildDeck, buildDeckFromDir, type SourceFile } from '../../scripts/deck/build.ts';
import { main } from '../../scripts/deck/cli.ts';
import { listMdxFiles } from '../../scripts/deck/content-files.ts';
import { serializeOutputs } from '../../scripts/deck/outputs.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

function readAll(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name))]));
}

describe('deck builds are deterministic', () => {
  it('writes byte-identical files when the CLI runs twice, in worker threads or not', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    // Enough pages that the CLI spreads them over worker threads (see workers.ts).
    const content = mkdtempSync(join(tmpdir(), 'deck-content-'));
    writeContent(content, syntheticContent(100, 4, 0));
    const a = join(mkdtempSync(join(tmpdir(), 'deck-a-')), 'out');
    const b = join(mkdtempSync(join(tmpdir(), 'deck-b-')), 'out');
    expect(await main(['--content', content, '--out', a], {})).toBe(0);
    expect(await main(['--content', content, '--out', b], {})).toBe(0);
    const first = readAll(a);
    const second = readAll(b);
    expect([...first.keys()].sort()).toEqual([
      'deck.json',
      'deck.schema.json',
      'questions.json',
      'vibe-check.anki.txt',
    ]);
    for (const [name, bytes] of first) expect(second.get(name)?.equals(bytes), name).toBe(true);
    // And the same bytes as a single-threaded build.
    const single = buildDeckFromDir(content);
    if (!single.ok) throw new Error('synthetic content should be valid');
    for (const [name, text] of serializeOutputs(single.build))
      expect(first.get(name)?.toString('utf8'), name).toBe(text);
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
