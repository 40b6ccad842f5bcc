import { cpSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { resolveDeployment } from '../../src/lib/deployment.ts';
import { listFiles, listPages, weighPage, weighPrecache, formatKB } from '../budgets/weigh-pages.ts';
import { repetitions, type BenchContext } from './context.ts';
import { deckCardCount } from './deck-build.ts';
import { runRepeatedly, type RepeatedRuns } from './measure.ts';
import type { SectionResult } from './report.ts';
import { formatCount, formatMB, formatMs, judgeGrowth, median } from './stats.ts';
import { writeSyntheticContent } from '../lib/synthetic-content.ts';

/** Issue budget: a guide page at 10× and 50× the guides stays within this of the real content's (gzipped). */
const GUIDE_HTML_DRIFT_BUDGET = 1024;
/** Issue budget: build CPU per extra guide at the largest size at most this times the first slope. */
const LINEAR_SLOPE_BUDGET = 1.3;

interface BuildPoint extends RepeatedRuns {
  label: string;
  contentPages: number;
  contentCards: number | null;
  htmlPages: number;
  outputBytes: number;
  precacheBytes: number | null;
  /** The precache on the wire: what installing the app downloads. */
  precacheGzip: number | null;
  medianHtmlGzip: number;
  /** Median gzipped HTML of guide pages only (two path segments). */
  medianGuideHtmlGzip: number;
  /** Gzipped HTML of the pages the job asked to compare, by route. */
  guideHtml: Record<string, number>;
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
 * first), with the project's own config: the real content, then synthetic content
 * at 10× and 50× the real page count (CONTENT_DIR).
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

  // The real guides are built at every scale, so the same page can be compared as the site grows.
  const realGuideRoutes = listPages(realOut)
    .map((page) => page.route)
    .filter((route) => route.split('/').length === 4);
  for (const { factor, runs } of scales) {
    const contentDir = join(context.tmp, `content-${factor}x`);
    cpSync(join(context.root, 'content'), contentDir, { recursive: true });
    const summary = writeSyntheticContent(contentDir, { pages: realPages * factor - realPages });
    const outDir = join(context.tmp, `site-${factor}x`);
    points.push(
      await timeBuilds(context, {
        label: `${factor}× (real + synthetic)`,
        contentPages: summary.pages + realPages,
        contentCards: null,
        outDir,
        contentDir,
        runs: repetitions(context, runs),
        compareRoutes: realGuideRoutes,
      }),
    );
    // The first 10× build stays for the first-visit section; the runner removes tmp at the end.
    if (factor === 10 || (context.quick && factor === 2)) {
      context.syntheticBuildDirs ??= new Map();
      context.syntheticBuildDirs.set(factor, outDir);
    } else {
      rmSync(outDir, { recursive: true, force: true });
    }
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
      : `${what} per extra guide: ${perPage} (${growth.verdict}; last/first slope ${growth.ratio.toFixed(2)}, ` +
          `${growth.ratio <= LINEAR_SLOPE_BUDGET ? 'within' : 'over'} the ${LINEAR_SLOPE_BUDGET}× a linear build allows).`,
  );
  const [real] = points;
  if (real) {
    for (const p of points.slice(1)) {
      // The same real guide in both builds: only navigation can make it grow.
      const drifts = realGuideRoutes.map((route) => (p.guideHtml[route] ?? NaN) - (real.guideHtml[route] ?? NaN));
      const worst = Math.max(...drifts.map(Math.abs));
      notes.push(
        `${p.label}: the real guides' HTML differs from the real-content build by at most ${formatKB(worst)} gzipped ` +
          `(median ${formatKB(median(drifts))}; ${worst <= GUIDE_HTML_DRIFT_BUDGET ? 'within' : 'over'} the 1 KB budget).`,
      );
      if (real.precacheGzip !== null && p.precacheGzip !== null) {
        notes.push(
          `${p.label}: the precache is ${formatKB(p.precacheGzip)} on the wire against ${formatKB(real.precacheGzip)} for the real content; ` +
            'guides are saved on demand, so only the deck and question index grow with the cards.',
        );
      }
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
          'precache (gz)',
          'median HTML (gz)',
          'guide HTML (gz)',
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
          p.precacheGzip === null ? 'no sw.js' : formatKB(p.precacheGzip),
          formatKB(p.medianHtmlGzip),
          formatKB(p.medianGuideHtmlGzip),
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
  /** Routes whose gzipped HTML is recorded one by one (every guide page when not given). */
  compareRoutes?: string[];
}

async function timeBuilds(context: BenchContext, job: BuildJob): Promise<BuildPoint> {
  const cacheDir = join(context.root, resolveDeployment({ OUT_DIR: job.outDir }).cacheDir);
  const env: NodeJS.ProcessEnv = { OUT_DIR: job.outDir, ASTRO_TELEMETRY_DISABLED: '1' };
  const args = ['run', 'build'];
  if (job.contentDir !== undefined) env['CONTENT_DIR'] = job.contentDir;
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
  const guides = pages.filter((page) => page.route.split('/').length === 4);
  const guideSample = guides.filter((_, i) => i % Math.max(1, Math.floor(guides.length / 50)) === 0);
  const guideGzips = guideSample.map((page) => weighPage(job.outDir, page).html.gzip);
  const precache = weighPrecache(job.outDir);
  const compare = new Set(job.compareRoutes ?? guides.map((page) => page.route));
  const guideHtml = Object.fromEntries(
    guides.filter((page) => compare.has(page.route)).map((page) => [page.route, weighPage(job.outDir, page).html.gzip]),
  );
  return {
    label: job.label,
    contentPages: job.contentPages,
    contentCards: job.contentCards,
    ...timing,
    htmlPages: pages.length,
    outputBytes: files.reduce((sum, f) => sum + statSync(join(job.outDir, f)).size, 0),
    precacheBytes: precache?.bytes ?? null,
    precacheGzip: precache?.gzip ?? null,
    medianHtmlGzip: htmlGzips.length > 0 ? median(htmlGzips) : 0,
    medianGuideHtmlGzip: guideGzips.length > 0 ? median(guideGzips) : 0,
    guideHtml,
    deckCards: deckCardCount(job.outDir),
  };
}
