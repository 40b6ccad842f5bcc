import { chromium, type Browser, type BrowserContext, type Request } from '@playwright/test';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { resolveDeployment } from '../../src/lib/deployment.ts';
import { CHROMIUM_ARGS, findChromium } from '../../tests/e2e/support/chromium.ts';
import { formatKB } from '../budgets/weigh-pages.ts';
import { serveStatic } from '../lib/static-server.ts';
import type { BenchContext } from './context.ts';
import { runRepeatedly } from './measure.ts';
import type { SectionResult } from './report.ts';
import { median } from './stats.ts';
import { writeSyntheticContent } from '../lib/synthetic-content.ts';
import { countGuides } from './site-build.ts';

/** Starlight's first visit to a guide of the same content, measured the same way (for comparison). */
export const STARLIGHT_FIRST_VISIT_BYTES = 55 * 1024;
/** What the issue allows: the first visit, worker included, at most twice the page's own transfer. */
export const FIRST_VISIT_RATIO_BUDGET = 2;

interface Transfer {
  requests: number;
  bytes: number;
}

interface Visit {
  page: Transfer;
  worker: Transfer;
}

interface SiteVisits {
  label: string;
  guides: number;
  /** A fresh browser opens one guide. */
  firstGuide: Visit;
  /** The same visit's second guide: the app installs here. */
  secondGuide: Visit;
  /** A fresh browser opens the home page, which installs the app at once. */
  home: Visit;
}

/**
 * What a first visit costs on the wire, the service worker's own downloads included,
 * measured in Chromium over a gzipping static server: Playwright reports every finished
 * request with its encoded body and header sizes and whether a page or the worker made it.
 */
export async function benchFirstVisit(context: BenchContext): Promise<SectionResult> {
  const sites = await sitesToMeasure(context);
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const results: SiteVisits[] = [];
  try {
    for (const site of sites) {
      const runs = context.quick ? 1 : 3;
      const samples: SiteVisits[] = [];
      for (let run = 1; run <= runs; run++) {
        context.log(`first visit: ${site.label}, run ${run}/${runs}`);
        samples.push(await measureSite(browser, site));
      }
      results.push(medianVisits(samples));
    }
  } finally {
    await browser.close();
  }

  const total = (visit: Visit) => visit.page.bytes + visit.worker.bytes;
  const ratio = (visit: Visit) => total(visit) / visit.page.bytes;
  const notes: string[] = [];
  for (const r of results) {
    const verdict = ratio(r.firstGuide) <= FIRST_VISIT_RATIO_BUDGET ? 'within' : 'over';
    notes.push(
      `${r.label}: a first visit to a guide transfers ${formatKB(total(r.firstGuide))}, ${ratio(r.firstGuide).toFixed(2)}× the page's own ` +
        `(${verdict} the ${FIRST_VISIT_RATIO_BUDGET}× budget), ${(total(r.firstGuide) / STARLIGHT_FIRST_VISIT_BYTES).toFixed(2)}× Starlight's 55 KB.`,
    );
  }
  const [real, largest] = [results[0], results.at(-1)];
  if (real && largest && largest !== real) {
    const change = total(largest.firstGuide) / total(real.firstGuide);
    notes.push(
      `From ${real.guides} to ${largest.guides} guides the first visit to a guide changes ${change.toFixed(2)}×: it does not grow with the guide count.`,
    );
  }

  const row = (r: SiteVisits, what: string, visit: Visit) => [
    r.label,
    what,
    `${formatKB(visit.page.bytes)} in ${visit.page.requests}`,
    `${formatKB(visit.worker.bytes)} in ${visit.worker.requests}`,
    `${formatKB(total(visit))} in ${visit.page.requests + visit.worker.requests}`,
    `${ratio(visit).toFixed(2)}×`,
    `${(total(visit) / STARLIGHT_FIRST_VISIT_BYTES).toFixed(2)}×`,
  ];
  return {
    id: 'first-visit',
    title: 'First visit on the wire (Chromium, gzip, service worker included)',
    status: 'ok',
    tables: [
      {
        title: `Median of ${context.quick ? 1 : 3} fresh browsers each; Starlight's first visit to a guide of the same content: 55 KB in 10 requests`,
        columns: ['content', 'visit', 'page', 'service worker', 'total', 'total / page', 'total / Starlight'],
        rows: results.flatMap((r) => [
          row(r, 'first page: a guide', r.firstGuide),
          row(r, 'second guide of that visit (installs the app)', r.secondGuide),
          row(r, 'first page: home (installs the app)', r.home),
        ]),
      },
    ],
    notes,
    data: results,
  };
}

interface SiteToMeasure {
  label: string;
  dir: string;
  guides: number;
}

/** The real build and the 10× one (the real guides plus synthetic ones), reusing the site-build section's when it ran. */
async function sitesToMeasure(context: BenchContext): Promise<SiteToMeasure[]> {
  const realGuides = countGuides(join(context.root, 'content'));
  const real = context.realBuildDir ?? (await build(context, join(context.tmp, 'first-visit-real')));
  const factor = context.quick ? 2 : 10;
  let synthetic = context.syntheticBuildDirs?.get(factor);
  if (!synthetic) {
    const contentDir = join(context.tmp, `first-visit-content-${factor}x`);
    cpSync(join(context.root, 'content'), contentDir, { recursive: true });
    writeSyntheticContent(contentDir, { pages: realGuides * factor - realGuides });
    synthetic = await build(context, join(context.tmp, `first-visit-${factor}x`), contentDir);
  }
  return [
    { label: 'real content', dir: real, guides: realGuides },
    { label: `${factor}× (real + synthetic)`, dir: synthetic, guides: guidesIn(synthetic) },
  ];
}

export async function build(context: BenchContext, outDir: string, contentDir?: string): Promise<string> {
  context.log(`first visit: building ${contentDir ? 'synthetic content' : 'the real content'} into ${outDir}`);
  const cacheDir = join(context.root, resolveDeployment({ OUT_DIR: outDir }).cacheDir);
  const env: NodeJS.ProcessEnv = { OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' };
  if (contentDir) env['CONTENT_DIR'] = contentDir;
  try {
    await runRepeatedly(1, 'npm', ['run', 'build'], { env, cwd: context.root }, () => undefined);
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
  return outDir;
}

function guidesIn(dir: string): number {
  const pack = JSON.parse(readFileSync(join(dir, 'offline-pack.json'), 'utf8')) as { pages: { kind: string }[] };
  return pack.pages.filter((page) => page.kind === 'guide').length;
}

function guideUrls(dir: string): [string, string] {
  if (!existsSync(join(dir, 'offline-pack.json'))) throw new Error(`${dir} has no offline-pack.json: build it first.`);
  const pack = JSON.parse(readFileSync(join(dir, 'offline-pack.json'), 'utf8')) as {
    pages: { url: string; kind: string }[];
  };
  const guides = pack.pages.filter((page) => page.kind === 'guide').map((page) => page.url);
  // The real content's worked example when there, else the middle guide: a typical page.
  const first = guides.find((url) => url === 'phases/constraints/') ?? guides[Math.floor(guides.length / 2)];
  const second = guides.find((url) => url !== first);
  if (!first || !second) throw new Error(`${dir} has fewer than two guides.`);
  return [first, second];
}

async function measureSite(browser: Browser, site: SiteToMeasure): Promise<SiteVisits> {
  const server = await serveStatic(site.dir, '/');
  try {
    const [first, second] = guideUrls(site.dir);
    const guideVisit = await withContext(browser, async (context, watch) => {
      const page = await context.newPage();
      await page.goto(new URL(first, server.url).href, { waitUntil: 'load' });
      const firstGuide = await watch.settle();
      await page.goto(new URL(second, server.url).href, { waitUntil: 'load' });
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 120_000 });
      return { firstGuide, secondGuide: await watch.settle() };
    });
    const home = await withContext(browser, async (context, watch) => {
      const page = await context.newPage();
      await page.goto(server.url, { waitUntil: 'load' });
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 120_000 });
      return watch.settle();
    });
    return { label: site.label, guides: site.guides, ...guideVisit, home };
  } finally {
    await server.close();
  }
}

interface Watch {
  /** Waits until no request has finished for a while, then returns what finished since the last call. */
  settle(): Promise<Visit>;
}

async function withContext<T>(
  browser: Browser,
  work: (context: BrowserContext, watch: Watch) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  let visit: Visit = { page: { requests: 0, bytes: 0 }, worker: { requests: 0, bytes: 0 } };
  let lastActivity = Date.now();
  const pending = new Set<Promise<void>>();
  const count = (request: Request) => {
    lastActivity = Date.now();
    const job = request.sizes().then((sizes) => {
      const side = request.serviceWorker() ? visit.worker : visit.page;
      side.requests++;
      side.bytes += sizes.responseBodySize + sizes.responseHeadersSize;
    });
    pending.add(job);
    void job.finally(() => pending.delete(job));
  };
  context.on('requestfinished', count);
  context.on('requestfailed', () => (lastActivity = Date.now()));
  const watch: Watch = {
    async settle() {
      // The worker registers after `load` and may start right after: wait for a quiet second.
      while (Date.now() - lastActivity < 1_500) await new Promise((resolve) => setTimeout(resolve, 250));
      await Promise.all(pending);
      const done = visit;
      visit = { page: { requests: 0, bytes: 0 }, worker: { requests: 0, bytes: 0 } };
      return done;
    },
  };
  try {
    return await work(context, watch);
  } finally {
    await context.close();
  }
}

function medianVisits(samples: SiteVisits[]): SiteVisits {
  const [first] = samples;
  if (!first) throw new Error('no samples');
  const pick = (get: (s: SiteVisits) => Visit): Visit => {
    const m = (f: (v: Visit) => number) => median(samples.map((s) => f(get(s))));
    return {
      page: { requests: m((v) => v.page.requests), bytes: m((v) => v.page.bytes) },
      worker: { requests: m((v) => v.worker.requests), bytes: m((v) => v.worker.bytes) },
    };
  };
  return {
    label: first.label,
    guides: first.guides,
    firstGuide: pick((s) => s.firstGuide),
    secondGuide: pick((s) => s.secondGuide),
    home: pick((s) => s.home),
  };
}
