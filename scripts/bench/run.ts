import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchContext } from './context.ts';
import { benchDeckBuild, buildRealDeck } from './deck-build.ts';
import { benchDeckLint } from './deck-lint.ts';
import { describeMachine, formatMachine } from './machine.ts';
import { benchPageWeight } from './page-weight.ts';
import { benchFirstVisit } from './first-visit.ts';
import { benchProgressImport } from './progress-import.ts';
import { benchQuestionSearch } from './question-search.ts';
import { renderMarkdown, renderText, type SectionResult } from './report.ts';
import { benchReview } from './review.ts';
import { benchSiteBuild } from './site-build.ts';
import { formatMs } from './stats.ts';

/**
 * `npm run bench`: times the build, the deck builder, question search and the
 * review core at growing sizes on synthetic content (in a temporary folder),
 * weighs the real site, and writes the figures to bench/results/latest.json
 * and latest.md. `npm run bench -- --write-readme` also puts the tables into
 * bench/README.md. BENCH_QUICK=1 runs each part once at its smallest size;
 * `--only=site-build,page-weight` runs some sections (ids as in latest.json).
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const RESULTS = join(ROOT, 'bench/results');
const README = join(ROOT, 'bench/README.md');
const START_MARK = '<!-- bench:start -->';
const END_MARK = '<!-- bench:end -->';

async function main(): Promise<number> {
  const quick = process.env['BENCH_QUICK'] === '1';
  const writeReadme = process.argv.includes('--write-readme');
  const command = `${quick ? 'BENCH_QUICK=1 ' : ''}npm run bench`;
  const machine = describeMachine();
  const loadBefore = loadavg();
  const tmp = mkdtempSync(join(tmpdir(), 'vibe-bench-'));
  const context: BenchContext = { quick, root: ROOT, tmp, log: (m) => process.stderr.write(`[bench] ${m}\n`) };
  const cleanUp = () => rmSync(tmp, { recursive: true, force: true });
  process.once('SIGINT', () => {
    cleanUp();
    process.exit(130);
  });

  const started = performance.now();
  const sections: SectionResult[] = [];
  const only = process.argv
    .find((arg) => arg.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',');
  const run = async (id: string, title: string, work: () => SectionResult | Promise<SectionResult>) => {
    if (only !== undefined && !only.includes(id)) return;
    const sectionStarted = performance.now();
    try {
      sections.push(await work());
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      sections.push({ id, title, status: 'failed', reason, tables: [], notes: [], data: null });
    }
    context.log(`${title}: done in ${formatMs(performance.now() - sectionStarted)}`);
  };

  try {
    context.log(`machine: ${formatMachine(machine)}`);
    await run('site-build', 'Site build', () => benchSiteBuild(context));
    await run('page-weight', 'Page weight', () => benchPageWeight(context));
    await run('first-visit', 'First visit', () => benchFirstVisit(context));
    await run('deck-build', 'Deck builder', () => benchDeckBuild(context));
    await run('deck-lint', 'Card linter', () => benchDeckLint(context));
    let realDeck: string | null = null;
    try {
      if (only === undefined || only.includes('question-search')) realDeck = await buildRealDeck(context);
    } catch (error) {
      context.log(`the real deck could not be built, so search skips the real index: ${String(error)}`);
    }
    await run('question-search', 'Question search', () => benchQuestionSearch(context, realDeck));
    await run('review', 'Review', () => benchReview(context));
    await run('progress-import', 'Importing a large progress file', () => benchProgressImport(context));
  } finally {
    cleanUp();
  }

  const totalMs = performance.now() - started;
  const loadAfter = loadavg();
  const load = `load average ${loadBefore[0]?.toFixed(1)} at the start, ${loadAfter[0]?.toFixed(1)} at the end`;
  const header = [
    `Command: \`${command}\`${quick ? ' (quick smoke mode: one run each, smallest sizes)' : ''}`,
    `Machine: ${formatMachine(machine)}; ${load}`,
    `Date: ${new Date().toISOString().slice(0, 10)}; whole benchmark ${formatMs(totalMs)}`,
  ];

  const text = [...header, '', ...sections.map(renderText)].join('\n\n');
  console.log(text);
  const markdown = [header.map((line) => `${line}  `).join('\n'), '', ...sections.map(renderMarkdown)].join('\n');
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(
    join(RESULTS, 'latest.json'),
    `${JSON.stringify({ command, quick, date: new Date().toISOString(), totalMs, machine, loadBefore, loadAfter, sections }, null, 2)}\n`,
  );
  writeFileSync(join(RESULTS, 'latest.md'), `${markdown}\n`);
  context.log(`wrote bench/results/latest.json and bench/results/latest.md in ${formatMs(totalMs)}`);
  if (writeReadme && only === undefined) {
    updateReadme(markdown);
    context.log('updated bench/README.md');
  }
  return sections.some((s) => s.status === 'failed') ? 1 : 0;
}

/** Replaces the generated part of bench/README.md, leaving the prose around it alone. */
function updateReadme(markdown: string): void {
  const readme = readFileSync(README, 'utf8');
  const start = readme.indexOf(START_MARK);
  const end = readme.indexOf(END_MARK);
  if (start < 0 || end < start) throw new Error(`bench/README.md lacks the ${START_MARK} … ${END_MARK} markers`);
  writeFileSync(README, `${readme.slice(0, start + START_MARK.length)}\n\n${markdown}\n${readme.slice(end)}`);
}

process.exitCode = await main();
