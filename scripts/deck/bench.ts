import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SECTION_IDS } from '../../src/lib/sections.ts';
import { buildDeckFromDir, buildDeckFromDirParallel, type SourceFile } from '../../src/deck/build.ts';
import { openFileCache } from '../../src/deck/cache.ts';
import { serializeOutputs } from '../../src/deck/outputs.ts';

const PROSE =
  'You ask about the **latency budget** before naming a model, because a p99 under 100 ms for a feed ranker rules out ' +
  'heavy cross-encoders at request time. Assume 50k QPS at peak; a [two-tower retrieval](/toolbox/page-1/#section-1) stage ' +
  'narrows millions of items to a few hundred, and a GBDT ranker orders them. Labels arrive late: chargebacks land 30–90 days ' +
  'after the transaction, so you train on *stale* labels and watch for drift.';

/**
 * Synthetic guides shaped like the real ones (frontmatter, h2 sections, prose,
 * cards of every kind, cross-page `also` links), for measuring build time.
 */
export function syntheticContent(pageCount: number, cardsPerPage: number, paragraphsPerSection = 2): SourceFile[] {
  const files: SourceFile[] = [];
  const sectionsPerPage = 5;
  for (let p = 1; p <= pageCount; p++) {
    const section = SECTION_IDS[p % SECTION_IDS.length] ?? 'toolbox';
    const lines = [
      '---',
      `title: Synthetic page ${p}`,
      `description: A generated page for the deck builder benchmark.`,
      `section: ${section}`,
      `order: ${p}`,
      'aliases: ["benchmark page"]',
      '---',
      '',
    ];
    let card = 0;
    for (let s = 1; s <= sectionsPerPage; s++) {
      lines.push(`## Section ${s}`, '');
      for (let i = 0; i < paragraphsPerSection; i++) lines.push(PROSE, '');
      const cardsHere = Math.ceil((cardsPerPage - card) / (sectionsPerPage - s + 1));
      for (let c = 0; c < cardsHere; c++, card++) {
        const id = `p${p}-card-${card}`;
        const also = p > 1 ? ` also="/${SECTION_IDS[(p - 1) % SECTION_IDS.length]}/page-${p - 1}/#section-${s}"` : '';
        if (card % 3 === 0) {
          lines.push(
            `<Card id="${id}" q="What does the latency budget rule out, case ${card}?"${also}>`,
            PROSE,
            '</Card>',
            '',
          );
        } else if (card % 3 === 1) {
          lines.push(
            `<Cloze id="${id}"${also}>Chargebacks arrive <C hint="days">30–90 days</C> late, so labels are <C n="2">stale</C>.</Cloze>`,
            '',
          );
        } else {
          lines.push(
            `<Question id="${id}" why="Peak load sizes the fleet.">What is the peak QPS, case ${card}?</Question>`,
            '',
          );
        }
      }
    }
    files.push({ path: `${section}/page-${p}.mdx`, source: lines.join('\n') });
  }
  return files;
}

export function writeContent(dir: string, files: readonly SourceFile[]): void {
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.source);
  }
}

if (import.meta.main) {
  const [pagesArg, cardsArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const pages = Number(pagesArg ?? 1000);
  const cards = Number(cardsArg ?? 10);
  const dir = mkdtempSync(join(tmpdir(), 'deck-bench-'));
  try {
    const files = syntheticContent(pages, cards);
    writeContent(dir, files);
    const bytes = files.reduce((sum, f) => sum + f.source.length, 0);
    const parallel = process.argv.includes('--single-thread') ? false : true;
    const start = performance.now();
    // --cache: reuse parsed pages from the previous run (same synthetic content, so a second run is warm).
    const cache = process.argv.includes('--cache') ? openFileCache(join(tmpdir(), 'deck-bench-cache')) : undefined;
    const result = parallel ? await buildDeckFromDirParallel(dir, { cache }) : buildDeckFromDir(dir);
    const built = performance.now();
    if (!result.ok) throw new Error(`benchmark content is invalid: ${JSON.stringify(result.problems.slice(0, 3))}`);
    const outputs = serializeOutputs(result.build, { siteUrl: 'https://example.com', base: '/' });
    const end = performance.now();
    const size = [...outputs.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    console.log(
      `${pages} pages (${(bytes / 1e6).toFixed(1)} MB MDX), ${result.build.deck.cards.length} cards, ${parallel ? 'worker threads' : 'one thread'}${cache ? ', cache' : ''}: ` +
        `build ${(built - start).toFixed(0)} ms, serialize ${(end - built).toFixed(0)} ms, total ${(end - start).toFixed(0)} ms; ` +
        `outputs ${(size / 1e6).toFixed(1)} MB`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
