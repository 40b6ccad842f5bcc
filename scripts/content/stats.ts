import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDeckFromDir, countWords, formatProblem, listMdxFiles, parseMdx } from '../../src/deck/index.ts';

/**
 * `npm run content-stats [-- DIR]`: words of guide text and cards per page, with totals — the
 * figures the README and the coverage issue quote. Words are counted by `countWords`
 * (src/deck/word-count.ts): what a reader reads, frontmatter and markup excluded.
 */
function main(dir: string): number {
  const built = buildDeckFromDir(dir);
  if (!built.ok) {
    for (const problem of built.problems) process.stderr.write(`${formatProblem(problem, dir)}\n`);
    return 1;
  }
  const cardsBySource = new Map<string, number>();
  for (const card of built.build.deck.cards) cardsBySource.set(card.source, (cardsBySource.get(card.source) ?? 0) + 1);

  const rows = listMdxFiles(dir).map((file) => {
    const parsed = parseMdx(readFileSync(join(dir, file), 'utf8'), file);
    if (!parsed.ok) throw new Error(formatProblem(parsed.problem, dir));
    return { file, words: countWords(parsed.tree), cards: cardsBySource.get(file) ?? 0 };
  });
  const words = rows.reduce((sum, row) => sum + row.words, 0);
  const cards = built.build.deck.cards.length;
  const out = ['| page | words | cards |', '| --- | ---: | ---: |'];
  for (const row of rows) out.push(`| ${row.file} | ${row.words.toLocaleString('en')} | ${row.cards} |`);
  out.push(`| **${rows.length} guides** | **${words.toLocaleString('en')}** | **${cards}** |`);
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

if (import.meta.main) process.exitCode = main(process.argv[2] ?? 'content');
