import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { APP_ROUTES } from '../../src/lib/app-files.ts';
import {
  formatKB,
  listFiles,
  listPages,
  totalGzip,
  weighAllCss,
  weighPage,
  weighLazyModule,
  weighPrecache,
  type PageWeight,
  type WeighedResource,
} from './weigh-pages.ts';

/**
 * Size budgets, enforced by `npm test` against the real build (tests/e2e/budgets.spec.ts).
 * Sizes, not times: they are the same on every machine, so a failure is a real regression.
 * 1 KB = 1,024 bytes; everything is gzipped, as it crosses the wire.
 */
export interface Budgets {
  /** Every page's HTML: the first round trip of a slow connection carries about 14 KB. */
  pageHtml: number;
  /** JS a page runs before any interaction, for every route not listed in `routeJs`. */
  defaultJs: number;
  /** JS before interaction for the apps rather than reading: a route and every page under it. */
  routeJs: Record<string, number>;
  /** All the stylesheets of the site together. */
  allCss: number;
  /** The app the service worker installs (gzipped, as it crosses the wire); guides are saved on demand. */
  precache: number;
  /**
   * Code a reading page loads when the browser is idle, by the name of its module in `_astro/`:
   * what it adds beyond the page's own JS (its imports and the workers it starts).
   */
  idleJs: Record<string, number>;
}

const KB = 1024;

export const BUDGETS: Budgets = {
  pageHtml: 14 * KB,
  // Guide pages (and the home, about and 404 pages) ship only the theme toggle and search trigger.
  defaultJs: 5 * KB,
  // Drill mode is a study app like the review (it shares its progress code), so it gets the review's budget.
  // The card browser replays the whole log and writes through the one write path before its first
  // interaction: 34, not 30, since recall now follows the active FSRS weights and every write reports
  // to the storage status (issue 22). Loading its actions on first use is the lean-again work (issue 28).
  routeJs: {
    [APP_ROUTES.review]: 30 * KB,
    [`${APP_ROUTES.review}cards/`]: 34 * KB,
    [APP_ROUTES.questions]: 20 * KB,
    [APP_ROUTES.drill]: 30 * KB,
  },
  allCss: 12 * KB,
  // 600, not 500, since the question search's index (100 KB gzipped) is precached: without it
  // question search and the Ctrl+K dialog's concepts did not work offline (issue 22).
  precache: 600 * KB,
  // A guide's memory overlay (TOC marks, "N cards here · M due now"), loaded when the page is idle.
  // Its rare fallback (the stored replay is stale) is the grading worker, imported on demand: not counted.
  idleJs: { 'memory-overlay': 8 * KB },
};

export interface BudgetViolation {
  budget: 'page-html' | 'page-js' | 'idle-js' | 'all-css' | 'precache';
  /** The file over budget (relative to the build folder), or the build folder itself for totals. */
  file: string;
  actual: number;
  limit: number;
  /** One line naming the file, the figure and the budget, then what makes it up. */
  message: string;
}

export interface BudgetReport {
  buildDir: string;
  pages: PageWeight[];
  css: WeighedResource[];
  precache: ReturnType<typeof weighPrecache>;
  /** Each idle module found in the build, with what it adds to the page that loads it. */
  idle: { name: string; files: WeighedResource[] }[];
  violations: BudgetViolation[];
}

export interface CheckOptions {
  budgets?: Budgets;
  /** The base path the site was built with (default `/`). */
  base?: string;
  /** Require a service worker (default true: the site promises to work offline). */
  requirePrecache?: boolean;
}

/** Measures a build folder and lists every budget it exceeds. */
export function checkBudgets(buildDir: string, options: CheckOptions = {}): BudgetReport {
  const budgets = options.budgets ?? BUDGETS;
  const weighOptions = options.base === undefined ? {} : { base: options.base };
  const pages = listPages(buildDir).map((page) => weighPage(buildDir, page, weighOptions));
  if (pages.length === 0) throw new Error(`No HTML pages in ${buildDir}: build the site first.`);
  const violations: BudgetViolation[] = [];

  for (const weight of pages) {
    const { page, html, scripts } = weight;
    if (html.gzip > budgets.pageHtml) {
      violations.push({
        budget: 'page-html',
        file: page.file,
        actual: html.gzip,
        limit: budgets.pageHtml,
        message: `${page.file}: ${formatKB(html.gzip)} of gzipped HTML, over the ${formatKB(budgets.pageHtml)} budget for every page`,
      });
    }
    const app = appRoute(page.route, budgets);
    const limit = app === null ? budgets.defaultJs : (budgets.routeJs[app] ?? budgets.defaultJs);
    const js = totalGzip(scripts);
    if (js > limit) {
      const which = app ?? 'a reading page';
      violations.push({
        budget: 'page-js',
        file: page.file,
        actual: js,
        limit,
        message:
          `${page.file}: ${formatKB(js)} of gzipped JS before interaction, over the ${formatKB(limit)} budget for ${which}` +
          ` (${describe(scripts)})`,
      });
    }
  }

  const idle = weighIdleModules(buildDir, pages, budgets, weighOptions);
  for (const { name, files } of idle) {
    const total = totalGzip(files);
    const limit = budgets.idleJs[name] ?? 0;
    if (total > limit) {
      violations.push({
        budget: 'idle-js',
        file: files[0]?.file ?? name,
        actual: total,
        limit,
        message: `${name}: ${formatKB(total)} of gzipped JS loaded when idle, over its ${formatKB(limit)} budget (${describe(files)})`,
      });
    }
  }

  const css = weighAllCss(buildDir);
  const cssTotal = totalGzip(css);
  if (cssTotal > budgets.allCss) {
    violations.push({
      budget: 'all-css',
      file: buildDir,
      actual: cssTotal,
      limit: budgets.allCss,
      message: `${buildDir}: ${formatKB(cssTotal)} of gzipped CSS in all, over the ${formatKB(budgets.allCss)} budget (${describe(css)})`,
    });
  }

  const precache = weighPrecache(buildDir);
  if (precache === null) {
    if (options.requirePrecache ?? true) {
      violations.push({
        budget: 'precache',
        file: `${buildDir}/sw.js`,
        actual: 0,
        limit: budgets.precache,
        message: `${buildDir}/sw.js: missing, so the precache cannot be measured (the offline integration writes it)`,
      });
    }
  } else if (precache.gzip > budgets.precache) {
    violations.push({
      budget: 'precache',
      file: `${buildDir}/${precache.worker}`,
      actual: precache.gzip,
      limit: budgets.precache,
      message: `${buildDir}/${precache.worker}: precaches ${formatKB(precache.gzip)} gzipped (${formatKB(precache.bytes)} stored) in ${precache.files} files, over the ${formatKB(budgets.precache)} budget (${describe(precache.largest)})`,
    });
  }

  return { buildDir, pages, css, precache, idle, violations };
}

/** Weighs each idle module of the budgets that the build has, beyond the first page that loads it. */
function weighIdleModules(
  buildDir: string,
  pages: readonly PageWeight[],
  budgets: Budgets,
  options: { base?: string },
): BudgetReport['idle'] {
  const assets = listFiles(buildDir).filter((file) => file.startsWith('_astro/') && file.endsWith('.js'));
  return Object.keys(budgets.idleJs).flatMap((name) => {
    const entry = assets.find((file) => file.startsWith(`_astro/${name}.`));
    if (!entry) return [];
    // The page that imports it (dynamically) has already loaded its own scripts.
    const host = pages.find((page) =>
      page.scripts.some(
        (script) =>
          existsSync(join(buildDir, script.file)) &&
          readFileSync(join(buildDir, script.file), 'utf8').includes(entry.slice('_astro/'.length)),
      ),
    );
    const loaded = new Set(host?.scripts.map((script) => script.file));
    return [{ name, files: weighLazyModule(buildDir, entry, loaded, options) }];
  });
}

/** The app a route belongs to (`/review/stats/` → `/review/`), the most specific first; null for reading pages. */
export function appRoute(route: string, budgets: Budgets = BUDGETS): string | null {
  const matches = Object.keys(budgets.routeJs).filter((prefix) => route.startsWith(prefix));
  return matches.sort((a, b) => b.length - a.length)[0] ?? null;
}

/** The largest parts first, so the message says where to cut. */
function describe(resources: readonly WeighedResource[]): string {
  return [...resources]
    .sort((a, b) => b.gzip - a.gzip)
    .map((r) => `${r.file} ${formatKB(r.gzip)}`)
    .join(', ');
}

/** One line per page: its HTML and its JS before interaction, for a quick look at a build. */
export function summarize(report: BudgetReport): string {
  const lines = report.pages.map(
    (p) =>
      `${p.page.route.padEnd(48)} html ${formatKB(p.html.gzip).padStart(8)}  js ${formatKB(totalGzip(p.scripts)).padStart(8)}`,
  );
  for (const { name, files } of report.idle) lines.push(`${name} (loaded when idle) js ${formatKB(totalGzip(files))}`);
  lines.push(`all CSS ${formatKB(totalGzip(report.css))}`);
  if (report.precache) {
    const { bytes, gzip, files } = report.precache;
    lines.push(`precache ${formatKB(bytes)} in ${files} files (${formatKB(gzip)} gzipped)`);
  }
  return lines.join('\n');
}

// `npx node scripts/budgets/check-budgets.ts [dir] [base]` checks a build by hand.
if (import.meta.main) {
  const dir = resolve(process.argv[2] ?? 'dist');
  const base = process.argv[3];
  const report = checkBudgets(dir, base === undefined ? {} : { base });
  console.log(summarize(report));
  for (const violation of report.violations) console.error(`over budget: ${violation.message}`);
  process.exitCode = report.violations.length > 0 ? 1 : 0;
}
