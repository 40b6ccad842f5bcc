import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { buildProgressFile } from '../../src/lib/progress-file/file.ts';
import { DEFAULT_SETTINGS } from '../../src/lib/review-log/schema.ts';
import { serveStatic } from '../lib/static-server.ts';
import { CHROMIUM_ARGS, findChromium } from '../../tests/e2e/support/chromium.ts';
import { repetitions, type BenchContext } from './context.ts';
import { pendingSection, renderText, type SectionResult } from './report.ts';
import { syntheticLog } from './review.ts';
import { formatCount, formatMB, formatMs, median } from './stats.ts';

/** The import the reliability issue measured: about 50 MB, 370,000 reviews. */
const ENTRIES = 370_000;
const QUICK_ENTRIES = 20_000;

interface ImportRun {
  /** From choosing the file to "Imported: …" on screen, the log replayed into the session. */
  wallMs: number;
  /** The longest main-thread task (PerformanceObserver 'longtask') while the import ran. */
  longestTaskMs: number;
  /** Peak resident memory of the whole browser (every process: page, worker, IndexedDB), in KB. */
  peakRssKb: number;
}

/** Resident memory of every process whose command line names `marker` (this run's profile folder). */
function browserRssKb(marker: string): number {
  const out = execFileSync('ps', ['-eo', 'rss=,args='], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  let total = 0;
  for (const line of out.split('\n')) {
    if (!line.includes(marker)) continue;
    total += Number.parseInt(line.trim(), 10) || 0;
  }
  return total;
}

async function importOnce(siteUrl: string, file: string, tmp: string): Promise<ImportRun> {
  const profile = mkdtempSync(join(tmp, 'import-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    args: CHROMIUM_ARGS,
    serviceWorkers: 'block',
  });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, browserRssKb(profile))), 200);
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const tasks: number[] = [];
      (window as unknown as { longTasks: number[] }).longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${siteUrl}review/`);
    await page.getByRole('button', { name: /Show answer/ }).waitFor();
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('[data-show]')?.disabled);
    await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks.length = 0));
    peak = browserRssKb(profile);
    const started = performance.now();
    await page.locator('[data-import-file]').setInputFiles(file);
    await page.getByRole('button', { name: 'Import', exact: true }).click({ timeout: 600_000 });
    await page
      .locator('[data-import-status]')
      .filter({ hasText: /^Imported:/ })
      .waitFor({ timeout: 600_000 });
    const wallMs = performance.now() - started;
    const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    return { wallMs, longestTaskMs: Math.max(0, ...tasks), peakRssKb: Math.max(peak, browserRssKb(profile)) };
  } finally {
    clearInterval(sampler);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Imports a synthetic progress file of about 50 MB into a fresh browser profile
 * through the real /review/ page: wall time, longest main-thread task and peak
 * memory, median of the runs.
 */
export async function benchProgressImport(context: BenchContext): Promise<SectionResult> {
  const title = 'Importing a large progress file';
  const dist = context.realBuildDir ?? join(context.root, 'dist');
  if (!existsSync(join(dist, 'review/index.html'))) {
    return pendingSection('progress-import', title, `no built site in ${dist} (run npm run build)`);
  }
  const count = context.quick ? QUICK_ENTRIES : ENTRIES;
  const { entries, now } = syntheticLog(Math.round(count / 12), count);
  const file = join(context.tmp, 'large-progress.json');
  writeFileSync(file, JSON.stringify(buildProgressFile(entries, { ...DEFAULT_SETTINGS }, now), null, 1));
  const bytes = statSync(file).size;
  const server = await serveStatic(dist, '/');
  const runs: ImportRun[] = [];
  try {
    for (let i = 0; i < repetitions(context, 3); i++) {
      runs.push(await importOnce(server.url, file, context.tmp));
      context.log(`progress import run ${i + 1}: ${formatMs(runs.at(-1)?.wallMs ?? 0)}`);
    }
  } finally {
    await server.close();
  }
  const wall = median(runs.map((r) => r.wallMs));
  const longest = median(runs.map((r) => r.longestTaskMs));
  const peak = median(runs.map((r) => r.peakRssKb));
  return {
    id: 'progress-import',
    title,
    status: 'ok',
    tables: [
      {
        title: `Import of ${(bytes / 1024 / 1024).toFixed(1)} MB (${formatCount(count)} reviews) into an empty browser, median of ${runs.length}`,
        columns: ['Wall time', 'Longest main-thread task', 'Peak browser memory (RSS)'],
        rows: [[formatMs(wall), formatMs(longest), formatMB(peak)]],
      },
    ],
    notes: [],
    data: { bytes, entries: count, runs },
  };
}

// `node scripts/bench/progress-import.ts` runs this section alone.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const tmp = mkdtempSync(join(tmpdir(), 'vibe-import-bench-'));
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  try {
    const result = await benchProgressImport({
      quick: process.env['BENCH_QUICK'] === '1',
      root,
      tmp,
      log: (m) => process.stderr.write(`[bench] ${m}\n`),
    });
    process.stdout.write(`${renderText(result)}\n`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
