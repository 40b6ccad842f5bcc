import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeBase } from '../../src/lib/deployment.ts';
import { serveStatic } from '../lib/static-server.ts';
import { median } from './stats.ts';

/**
 * `npm run audit`: builds the site (into OUT_DIR, default dist-audit, with
 * SITE_URL set to the origin it is then served from, so canonical URLs match),
 * serves it locally and runs Lighthouse (mobile, its default) with Debian's
 * Chromium on the home page, a guide, /review/ and /questions/, each page
 * `--runs=N` times (default 3). Scores vary from run to run on a shared
 * machine, so it reports the median of each category and metric, as
 * Lighthouse's own guidance on variability advises, and for any score under
 * 100 the audits that cost points in the median run. Exits 1 when a median
 * score is below 95. `--no-build` audits an existing OUT_DIR as is.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MIN_SCORE = 95;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** The metrics behind the performance score, as Lighthouse names them in its `metrics` audit. */
const METRICS = {
  FCP: 'firstContentfulPaint',
  LCP: 'largestContentfulPaint',
  TBT: 'totalBlockingTime',
  SI: 'speedIndex',
  CLS: 'cumulativeLayoutShift',
} as const;
type MetricName = keyof typeof METRICS;
const ROUTES = ['', 'phases/constraints/', 'review/', 'questions/'];
const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

interface AuditResult {
  id: string;
  title: string;
  score: number | null;
  displayValue?: string;
  details?: { items?: Record<string, unknown>[] };
}
interface LighthouseReport {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, AuditResult>;
  runWarnings?: string[];
  environment?: { benchmarkIndex?: number };
}

interface PageScores {
  url: string;
  /** Median over the runs. */
  scores: Record<string, number>;
  /** Median over the runs: milliseconds, except CLS (unitless). */
  metrics: Record<MetricName, number>;
  runs: number;
  /** Audits that cost points (in the run with the median performance score). */
  losses: { category: string; audit: string; title: string; score: number | null; displayValue?: string }[];
  warnings: string[];
  /** Lighthouse's measure of this machine's CPU at the time (higher is faster; a mid-range phone is ~1,000 after its 4× slowdown). */
  benchmarkIndex: number | null;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => ok(port));
    });
  });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, quiet = false): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: quiet ? 'ignore' : 'inherit',
    });
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0 ? ok() : fail(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

/** One Lighthouse run (mobile, its default) of `url`, its JSON report written to `output`. */
function runLighthouse(url: string, output: string, chrome: string): Promise<void> {
  return run(
    'npx',
    [
      'lighthouse',
      url,
      '--quiet',
      '--output=json',
      `--output-path=${output}`,
      `--only-categories=${CATEGORIES.join(',')}`,
      `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
      // e.g. LIGHTHOUSE_FLAGS=--throttling.cpuSlowdownMultiplier=1 on a host slower than Lighthouse assumes.
      ...(process.env['LIGHTHOUSE_FLAGS'] ?? '').split(' ').filter(Boolean),
    ],
    { CHROME_PATH: chrome },
  );
}

async function main(): Promise<number> {
  const chrome = process.env['CHROME_PATH'] || '/usr/bin/chromium';
  const outDir = process.env['OUT_DIR'] || 'dist-audit';
  const base = normalizeBase(process.env['BASE_PATH']);
  const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  const runs = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice('--runs='.length) ?? 3);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number from 1.');
  const port = await freePort();
  // localhost, not 127.0.0.1: the same host as the default SITE_URL, so the canonical audit sees its own origin.
  const origin = `http://localhost:${port}`;
  if (!process.argv.includes('--no-build')) {
    console.error(`Building into ${outDir} for ${origin}${base} …`);
    await run('npm', ['run', 'build'], { OUT_DIR: outDir, SITE_URL: origin }, true);
  }
  const server = await serveStatic(join(ROOT, outDir), base, port);
  const reportsDir = join(ROOT, 'bench/results/lighthouse');
  mkdirSync(reportsDir, { recursive: true });
  const pages: PageScores[] = [];
  try {
    for (const route of ROUTES.filter((r) => only === undefined || `/${r}` === only)) {
      const url = `${origin}${base}${route}`;
      const name = route.replace(/\/$/u, '').replace(/\//gu, '-') || 'home';
      const reports: LighthouseReport[] = [];
      for (let i = 1; i <= runs; i++) {
        // The full reports stay for a closer look (bench/results is not committed).
        const output = join(reportsDir, `${name}-${i}.json`);
        console.error(`Lighthouse (mobile), run ${i} of ${runs}: ${url}`);
        await runLighthouse(url, output, chrome);
        reports.push(JSON.parse(readFileSync(output, 'utf8')) as LighthouseReport);
      }
      pages.push(summarize(url, reports));
    }
  } finally {
    await server.close();
  }

  const header = ['page', ...CATEGORIES, ...Object.keys(METRICS), 'CPU benchmark index'];
  const rows = pages.map((p) => [
    new URL(p.url).pathname,
    ...CATEGORIES.map((c) => String(p.scores[c] ?? 'n/a')),
    ...(Object.keys(METRICS) as MetricName[]).map((m) => formatMetric(m, p.metrics[m])),
    String(p.benchmarkIndex ?? 'n/a'),
  ]);
  const markdown = [
    `| ${header.join(' | ')} |`,
    `| --- |${header
      .slice(1)
      .map(() => ' ---: |')
      .join('')}`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
  console.log(
    `Lighthouse ${lighthouseVersion()} (mobile), ${chrome}: median of ${runs} run${runs === 1 ? '' : 's'} per page\n\n${markdown}\n`,
  );
  for (const page of pages) {
    for (const loss of page.losses) {
      console.log(
        `${new URL(page.url).pathname} ${loss.category}: ${loss.audit} — ${loss.title}` +
          `${loss.displayValue ? ` (${loss.displayValue})` : ''}, score ${loss.score ?? 'n/a'}`,
      );
    }
    for (const warning of page.warnings) console.log(`${new URL(page.url).pathname} warning: ${warning}`);
  }
  const results = join(ROOT, 'bench/results');
  mkdirSync(results, { recursive: true });
  writeFileSync(
    join(results, 'lighthouse.json'),
    `${JSON.stringify({ version: lighthouseVersion(), runs, pages }, null, 2)}\n`,
  );
  writeFileSync(join(results, 'lighthouse.md'), `${markdown}\n`);
  const failing = pages.filter((p) => CATEGORIES.some((c) => (p.scores[c] ?? 0) < MIN_SCORE));
  if (failing.length > 0)
    console.log(`\nBelow ${MIN_SCORE}: ${failing.map((p) => new URL(p.url).pathname).join(', ')}`);
  return failing.length > 0 ? 1 : 0;
}

function formatMetric(name: MetricName, value: number): string {
  if (name === 'CLS') return value.toFixed(3);
  return name === 'TBT' ? `${Math.round(value)} ms` : `${(value / 1000).toFixed(1)} s`;
}

function score(report: LighthouseReport, category: string): number {
  return Math.round((report.categories[category]?.score ?? 0) * 100);
}

/** Medians over the runs of one page; the audits that cost points come from the median run. */
function summarize(url: string, reports: readonly LighthouseReport[]): PageScores {
  const scores: Record<string, number> = {};
  for (const category of CATEGORIES) scores[category] = median(reports.map((r) => score(r, category)));
  const metrics = {} as Record<MetricName, number>;
  for (const [name, key] of Object.entries(METRICS) as [MetricName, string][]) {
    metrics[name] = median(
      reports.map((r) => {
        const value = r.audits['metrics']?.details?.items?.[0]?.[key];
        return typeof value === 'number' ? value : Number.NaN;
      }),
    );
  }
  const byPerformance = [...reports].sort((a, b) => score(a, 'performance') - score(b, 'performance'));
  const middle = byPerformance[Math.floor((byPerformance.length - 1) / 2)] as LighthouseReport;
  const losses: PageScores['losses'] = [];
  for (const category of CATEGORIES) {
    const entry = middle.categories[category];
    if (!entry || score(middle, category) >= 100) continue;
    // Every weighted audit that did not pass, so a 9x score still says where its points went.
    for (const ref of entry.auditRefs) {
      const audit = middle.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
      losses.push({
        category,
        audit: ref.id,
        title: audit.title,
        score: audit.score,
        ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
      });
    }
  }
  const indexes = reports.map((r) => r.environment?.benchmarkIndex).filter((i): i is number => i !== undefined);
  return {
    url,
    scores,
    metrics,
    runs: reports.length,
    losses,
    warnings: [...new Set(reports.flatMap((r) => r.runWarnings ?? []))],
    benchmarkIndex: indexes.length > 0 ? median(indexes) : null,
  };
}

function lighthouseVersion(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'node_modules/lighthouse/package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

process.exitCode = await main();
