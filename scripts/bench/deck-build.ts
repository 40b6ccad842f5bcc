import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repetitions, type BenchContext } from './context.ts';
import { runMeasured, runRepeatedly, type RepeatedRuns } from './measure.ts';
import { pendingSection, type SectionResult } from './report.ts';
import { formatCount, formatMB, formatMs, judgeGrowth } from './stats.ts';
import { writeSyntheticContent } from '../lib/synthetic-content.ts';

const CARDS_PER_PAGE = 10;

interface DeckPoint extends RepeatedRuns {
  cards: number;
  pages: number;
  contentBytes: number;
  deckCards: number | null;
}

/** Cards in the deck.json of a build folder, or null when there is none. */
export function deckCardCount(outDir: string): number | null {
  const deckFile = join(outDir, 'deck.json');
  return existsSync(deckFile)
    ? (JSON.parse(readFileSync(deckFile, 'utf8')) as { cards: unknown[] }).cards.length
    : null;
}

/** True when package.json defines the deck builder's CLI (the contract `npm run deck`). */
export function hasDeckCli(root: string): boolean {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  return typeof pkg.scripts?.['deck'] === 'string';
}

/** Runs the deck builder CLI on the real content, for the search benchmark's real index. */
export async function buildRealDeck(context: BenchContext): Promise<string | null> {
  if (!hasDeckCli(context.root)) return null;
  const out = join(context.tmp, 'deck-real');
  await runMeasured('npm', ['run', 'deck', '--', '--content', join(context.root, 'content'), '--out', out], {
    cwd: context.root,
  });
  return out;
}

/**
 * Times the deck builder CLI (`npm run deck -- --content DIR --out DIR`, the
 * contract) on synthetic content of 100, 1,000 and 10,000 cards, 10 a page,
 * with its peak memory.
 */
export async function benchDeckBuild(context: BenchContext): Promise<SectionResult> {
  const title = 'Deck builder (`npm run deck`)';
  if (!hasDeckCli(context.root)) {
    return pendingSection(
      'deck-build',
      title,
      'package.json has no `deck` script yet (the deck builder CLI is being written).',
    );
  }
  const sizes = context.quick
    ? [
        { cards: 100, runs: 1 },
        { cards: 1000, runs: 1 },
      ]
    : [
        { cards: 100, runs: 3 },
        { cards: 1000, runs: 3 },
        { cards: 10_000, runs: 1 },
      ];
  const points: DeckPoint[] = [];
  for (const { cards, runs } of sizes) {
    const pages = cards / CARDS_PER_PAGE;
    const contentDir = join(context.tmp, `deck-content-${cards}`);
    const outDir = join(context.tmp, `deck-out-${cards}`);
    const summary = writeSyntheticContent(contentDir, { pages, cardsPerPage: CARDS_PER_PAGE });
    const n = repetitions(context, runs);
    const timing = await runRepeatedly(
      n,
      'npm',
      ['run', 'deck', '--', '--content', contentDir, '--out', outDir],
      { cwd: context.root },
      (run) => {
        rmSync(outDir, { recursive: true, force: true });
        context.log(`deck builder: ${formatCount(cards)} cards, run ${run}/${n}`);
      },
    );
    points.push({ cards, pages, contentBytes: summary.bytes, ...timing, deckCards: deckCardCount(outDir) });
    rmSync(contentDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  }

  // CPU time, when measured, judges growth: wall-clock time also counts whatever else the machine was doing.
  const byCpu = points.every((p) => p.medianCpuMs !== null);
  const timeGrowth = judgeGrowth(
    points.map((p) => ({ size: p.cards, value: byCpu ? (p.medianCpuMs as number) : p.medianMs })),
  );
  // Memory is not noisy like time: its slopes are worth comparing even above a large base.
  const memoryGrowth = judgeGrowth(
    points.map((p) => ({ size: p.cards, value: p.maxRssKB ?? 0 })),
    1.5,
    0,
  );
  const notes = [
    `${byCpu ? 'CPU time' : 'Time'} per extra card: ${timeGrowth.marginal.map((m) => formatMs(m)).join(' → ')} (${timeGrowth.verdict}${
      timeGrowth.reason ? `: ${timeGrowth.reason}` : `; last/first slope ${timeGrowth.ratio.toFixed(2)}`
    }).`,
    `Memory per extra card: ${memoryGrowth.marginal.map((m) => `${m.toFixed(1)} KB`).join(' → ')} (${memoryGrowth.verdict}${memoryGrowth.reason ? `: ${memoryGrowth.reason}` : ''}).`,
  ];
  for (const p of points) {
    if (p.deckCards !== p.cards) {
      notes.push(
        `${formatCount(p.cards)} cards written, ${p.deckCards === null ? 'no deck.json' : formatCount(p.deckCards)} in the deck.`,
      );
    }
  }
  return {
    id: 'deck-build',
    title,
    status: 'ok',
    tables: [
      {
        title: 'Synthetic guides, 10 cards and 5 questions a page; time includes `npm run` and Node start-up',
        columns: ['cards', 'guides', 'MDX', 'runs', 'median wall', 'median CPU', 'wall per card', 'peak RSS'],
        rows: points.map((p) => [
          formatCount(p.cards),
          formatCount(p.pages),
          `${(p.contentBytes / 1024 / 1024).toFixed(1)} MB`,
          String(p.runs),
          formatMs(p.medianMs),
          p.medianCpuMs === null ? 'n/a' : formatMs(p.medianCpuMs),
          formatMs(p.medianMs / p.cards),
          p.maxRssKB === null ? 'n/a' : formatMB(p.maxRssKB),
        ]),
      },
    ],
    notes,
    data: { points, timeGrowth, memoryGrowth },
  };
}
