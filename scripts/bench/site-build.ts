import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { resolveDeployment } from '../../src/lib/deployment.ts';
import { listFiles, listPages, weighPage, weighPrecache, formatKB } from '../budgets/weigh-pages.ts';
import { repetitions, type BenchContext } from './context.ts';
import { deckCardCount } from './deck-build.ts';
import { runRepeatedly, type RepeatedRuns } from './measure.ts';
import type { SectionResult } from './report.ts';
import { formatCount, formatMB, formatMs, judgeGrowth, median } from './stats.ts';
import { writeSyntheticContent } from '../lib/synthetic-content.ts';

const BENCH_CONFIG = 'scripts/bench/astro-bench.config.mjs';

interface BuildPoint extends RepeatedRuns {
  label: string;
  contentPages: number;
  contentCards: number | null;
  htmlPages: number;
  outputBytes: number;
  precacheBytes: number | null;
  medianHtmlGzip: number;
  deckCards: number | null;
}

/** Guides in a content folder (what the glob loader picks up). */
export function countGuides(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.mdx') && !entry.name.startsWith('.')) count++;
  }
  return count;
}

/**
 * Times `npm run build`, cold each time (its output and Astro's cache removed
 * first): the real content with the real config, then synthetic content at
 * 10× and 50× the real page count through the bench config.
 */
export async function benchSiteBuild(context: BenchContext): Promise<SectionResult> {
  const realPages = countGuides(join(context.root, 'content'));
  const scales = context.quick
    ? [{ factor: 2, runs: 1 }]
    : [
        { factor: 10, runs: 2 },
        { factor: 50, runs: 1 },
      ];
  const points: BuildPoint[] = [];

  const realOut = join(context.tmp, 'site-real');
  points.push(
    await timeBuilds(context, {
      label: 'real content',
      contentPages: realPages,
      contentCards: null,
      outDir: realOut,
      runs: repetitions(context, 3),
    }),
  );
  context.realBuildDir = realOut;

  for (const { factor, runs } of scales) {
    const contentDir = join(context.tmp, `content-${factor}x`);
    const summary = writeSyntheticContent(contentDir, { pages: realPages * factor });
    const outDir = join(context.tmp, `site-${factor}x`);
    points.push(
      await timeBuilds(context, {
        label: `${factor}× synthetic`,
        contentPages: summary.pages,
        contentCards: summary.cards,
        outDir,
        contentDir,
        runs: repetitions(context, runs),
      }),
    );
    rmSync(outDir, { recursive: true, force: true });
    rmSync(contentDir, { recursive: true, force: true });
  }

  const notes: string[] = [];
  // CPU time, when measured, judges growth: wall-clock time also counts whatever else the machine was doing.
  const byCpu = points.every((p) => p.medianCpuMs !== null);
  const growth = judgeGrowth(
    points.map((p) => ({ size: p.contentPages, value: byCpu ? (p.medianCpuMs as number) : p.medianMs })),
  );
  const perPage = growth.marginal.map((m) => formatMs(m)).join(' → ');
  const what = byCpu ? 'Build CPU time' : 'Build time';
  notes.push(
    growth.verdict === 'n/a'
      ? `${what} per extra guide: ${perPage || 'n/a'} (${growth.reason ?? 'n/a'}).`
      : `${what} per extra guide: ${perPage} (${growth.verdict}; last/first slope ${growth.ratio.toFixed(2)}).`,
  );
  for (const p of points) {
    if (p.contentCards !== null && p.deckCards !== null && p.deckCards !== p.contentCards) {
      notes.push(
        `${p.label}: the build's deck.json has ${formatCount(p.deckCards)} cards, the synthetic content ${formatCount(p.contentCards)}: ` +
          'the deck integration reads content/ instead of CONTENT_DIR, so its share of the build time is the real deck’s.',
      );
    }
    if (p.precacheBytes !== null && p.precacheBytes > 3 * 1024 * 1024) {
      notes.push(
        `${p.label}: the precache reaches ${formatKB(p.precacheBytes)}, over the 3 MB budget (lifted for this run).`,
      );
    }
  }
  const [real, next] = points;
  if (real?.precacheBytes != null && next?.precacheBytes != null && next.contentPages > real.contentPages) {
    // The slope, not the average: Pagefind's runtime, the deck and the app pages are paid once.
    const perGuide = (next.precacheBytes - real.precacheBytes) / (next.contentPages - real.contentPages);
    const room = 3 * 1024 * 1024 - real.precacheBytes;
    if (perGuide > 0) {
      notes.push(
        `Each extra guide adds about ${formatKB(perGuide)} to the precache (measured from the real build to the first synthetic one), ` +
          `so the 3 MB budget is reached at about ${real.contentPages + Math.max(0, Math.floor(room / perGuide))} guides.`,
      );
    }
  }

  return {
    id: 'site-build',
    title: 'Site build (`npm run build`, cold)',
    status: 'ok',
    tables: [
      {
        title: 'Median wall-clock time of a cold build',
        columns: [
          'content',
          'guides',
          'pages built',
          'runs',
          'median wall',
          'median CPU',
          'wall per guide',
          'peak RSS',
          'output',
          'precache',
          'median HTML (gz)',
        ],
        rows: points.map((p) => [
          p.label,
          formatCount(p.contentPages),
          formatCount(p.htmlPages),
          String(p.runs),
          formatMs(p.medianMs),
          p.medianCpuMs === null ? 'n/a' : formatMs(p.medianCpuMs),
          formatMs(p.medianMs / p.contentPages),
          p.maxRssKB === null ? 'n/a' : formatMB(p.maxRssKB),
          formatKB(p.outputBytes),
          p.precacheBytes === null ? 'no sw.js' : formatKB(p.precacheBytes),
          formatKB(p.medianHtmlGzip),
        ]),
      },
    ],
    notes,
    data: { points, growth },
  };
}

interface BuildJob {
  label: string;
  contentPages: number;
  contentCards: number | null;
  outDir: string;
  contentDir?: string;
  runs: number;
}

async function timeBuilds(context: BenchContext, job: BuildJob): Promise<BuildPoint> {
  const cacheDir = join(context.root, resolveDeployment({ OUT_DIR: job.outDir }).cacheDir);
  const env: NodeJS.ProcessEnv = { OUT_DIR: job.outDir, ASTRO_TELEMETRY_DISABLED: '1' };
  const args = ['run', 'build'];
  if (job.contentDir !== undefined) {
    env['CONTENT_DIR'] = job.contentDir;
    args.push('--', '--config', BENCH_CONFIG);
  }
  let timing: RepeatedRuns;
  try {
    timing = await runRepeatedly(job.runs, 'npm', args, { env, cwd: context.root }, (run) => {
      rmSync(job.outDir, { recursive: true, force: true });
      rmSync(cacheDir, { recursive: true, force: true });
      context.log(`site build: ${job.label} (${job.contentPages} guides), run ${run}/${job.runs}`);
    });
  } finally {
    // The cache lives in node_modules/.astro, outside the temporary folder.
    rmSync(cacheDir, { recursive: true, force: true });
  }

  const files = listFiles(job.outDir);
  const pages = listPages(job.outDir);
  // A build that ignored CONTENT_DIR still succeeds, with none of the guides it was meant to time.
  if (pages.length < job.contentPages)
    throw new Error(
      `site build, ${job.label}: ${pages.length} pages built for ${job.contentPages} guides; the build did not read CONTENT_DIR=${job.contentDir ?? 'content'}.`,
    );
  const sample = pages.filter((_, i) => i % Math.max(1, Math.floor(pages.length / 50)) === 0);
  const htmlGzips = sample.map((page) => weighPage(job.outDir, page).html.gzip);
  return {
    label: job.label,
    contentPages: job.contentPages,
    contentCards: job.contentCards,
    ...timing,
    htmlPages: pages.length,
    outputBytes: files.reduce((sum, f) => sum + statSync(join(job.outDir, f)).size, 0),
    precacheBytes: weighPrecache(job.outDir)?.bytes ?? null,
    medianHtmlGzip: htmlGzips.length > 0 ? median(htmlGzips) : 0,
    deckCards: deckCardCount(job.outDir),
  };
}
