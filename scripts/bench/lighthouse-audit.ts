import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeBase } from '../../src/lib/deployment.ts';
import { serveStatic } from '../lib/static-server.ts';

/**
 * `npm run audit`: builds the site (into OUT_DIR, default dist-audit, with
 * SITE_URL set to the origin it is then served from, so canonical URLs match),
 * serves it locally and runs Lighthouse (mobile, its default) with Debian's
 * Chromium on the home page, a guide, /review/ and /questions/. Prints the four
 * category scores, and for any below 95 the audits that cost points. Exits 1
 * when a score is below 95. `--no-build` audits an existing OUT_DIR as is.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MIN_SCORE = 95;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
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
  details?: { items?: unknown[] };
}
interface LighthouseReport {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, AuditResult>;
  runWarnings?: string[];
  environment?: { benchmarkIndex?: number };
}

interface PageScores {
  url: string;
  scores: Record<string, number>;
  /** Audits that cost points in a category under the minimum. */
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

async function main(): Promise<number> {
  const chrome = process.env['CHROME_PATH'] || '/usr/bin/chromium';
  const outDir = process.env['OUT_DIR'] || 'dist-audit';
  const base = normalizeBase(process.env['BASE_PATH']);
  const port = await freePort();
  // localhost, not 127.0.0.1: the same host as the default SITE_URL, so the canonical audit sees its own origin.
  const origin = `http://localhost:${port}`;
  if (!process.argv.includes('--no-build')) {
    console.error(`Building into ${outDir} for ${origin}${base} …`);
    await run('npm', ['run', 'build'], { OUT_DIR: outDir, SITE_URL: origin }, true);
  }
  const server = await serveStatic(join(ROOT, outDir), base, port);
  const reports = join(ROOT, 'bench/results/lighthouse');
  mkdirSync(reports, { recursive: true });
  const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  const pages: PageScores[] = [];
  try {
    for (const route of ROUTES.filter((r) => only === undefined || `/${r}` === only)) {
      const url = `${origin}${base}${route}`;
      // The full reports stay for a closer look (bench/results is not committed).
      const output = join(reports, `${route.replace(/\/$/u, '').replace(/\//gu, '-') || 'home'}.json`);
      console.error(`Lighthouse (mobile): ${url}`);
      await run(
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
      pages.push(summarize(url, JSON.parse(readFileSync(output, 'utf8')) as LighthouseReport));
    }
  } finally {
    await server.close();
  }

  const header = ['page', ...CATEGORIES];
  const header2 = [...header, 'CPU benchmark index'];
  const rows = pages.map((p) => [
    new URL(p.url).pathname,
    ...CATEGORIES.map((c) => String(p.scores[c] ?? 'n/a')),
    String(p.benchmarkIndex ?? 'n/a'),
  ]);
  const markdown = [
    `| ${header2.join(' | ')} |`,
    `| --- |${header2
      .slice(1)
      .map(() => ' ---: |')
      .join('')}`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
  console.log(`Lighthouse ${lighthouseVersion()} (mobile), ${chrome}\n\n${markdown}\n`);
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
    `${JSON.stringify({ version: lighthouseVersion(), pages }, null, 2)}\n`,
  );
  writeFileSync(join(results, 'lighthouse.md'), `${markdown}\n`);
  const failing = pages.filter((p) => CATEGORIES.some((c) => (p.scores[c] ?? 0) < MIN_SCORE));
  if (failing.length > 0)
    console.log(`\nBelow ${MIN_SCORE}: ${failing.map((p) => new URL(p.url).pathname).join(', ')}`);
  return failing.length > 0 ? 1 : 0;
}

function summarize(url: string, report: LighthouseReport): PageScores {
  const scores: Record<string, number> = {};
  const losses: PageScores['losses'] = [];
  for (const category of CATEGORIES) {
    const entry = report.categories[category];
    const score = Math.round((entry?.score ?? 0) * 100);
    scores[category] = score;
    if (score >= 100 || !entry) continue;
    // Every weighted audit that did not pass, so a 9x score still says where its points went.
    for (const ref of entry.auditRefs) {
      const audit = report.audits[ref.id];
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
  return {
    url,
    scores,
    losses,
    warnings: report.runWarnings ?? [],
    benchmarkIndex: report.environment?.benchmarkIndex ?? null,
  };
}

function lighthouseVersion(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'node_modules/lighthouse/package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

process.exitCode = await main();
