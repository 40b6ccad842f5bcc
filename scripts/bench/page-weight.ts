import { appRoute, BUDGETS, checkBudgets } from '../budgets/check-budgets.ts';
import { formatKB, totalGzip } from '../budgets/weigh-pages.ts';
import type { BenchContext } from './context.ts';
import { pendingSection, type SectionResult } from './report.ts';

/**
 * Page weight of the real site, from the real-content build of the site-build
 * section: the same measurements the budgets in `npm test` enforce, shown
 * for every page with the budget beside each figure.
 */
export function benchPageWeight(context: BenchContext): SectionResult {
  const dir = context.realBuildDir;
  if (dir === undefined) {
    return pendingSection(
      'page-weight',
      'Page weight of the real site',
      'no real build (the site-build section failed)',
    );
  }
  const report = checkBudgets(dir, { requirePrecache: false });
  const mark = (value: number, limit: number) => `${formatKB(value)}${value > limit ? ' ✗' : ''}`;
  const rows = report.pages.map(({ page, html, scripts, styles }) => {
    const app = appRoute(page.route);
    const jsLimit = app === null ? BUDGETS.defaultJs : (BUDGETS.routeJs[app] ?? BUDGETS.defaultJs);
    return [
      page.route,
      mark(html.gzip, BUDGETS.pageHtml),
      mark(totalGzip(scripts), jsLimit),
      formatKB(jsLimit),
      String(scripts.length),
      formatKB(totalGzip(styles)),
    ];
  });
  const cssTotal = totalGzip(report.css);
  const precache = report.precache;
  const totals = [
    ['all CSS (gzipped, every .css file)', mark(cssTotal, BUDGETS.allCss), formatKB(BUDGETS.allCss)],
    [
      'precache: the app (sw.js manifest, gzipped on the wire)',
      precache === null
        ? 'no sw.js yet'
        : `${mark(precache.gzip, BUDGETS.precache)} in ${precache.files} files (${formatKB(precache.bytes)} stored)`,
      formatKB(BUDGETS.precache),
    ],
    [
      'largest page HTML (gzipped)',
      formatKB(Math.max(...report.pages.map((p) => p.html.gzip))),
      formatKB(BUDGETS.pageHtml),
    ],
  ];
  const notes = report.violations.map((v) => `Over budget: ${v.message}`);
  if (precache === null) notes.push('No service worker in the build: the precache figure is pending the offline work.');
  return {
    id: 'page-weight',
    title: 'Page weight of the real site (gzipped; ✗ = over budget)',
    status: 'ok',
    tables: [
      {
        title: 'Totals',
        columns: ['what', 'size', 'budget'],
        rows: totals,
      },
      {
        title:
          'Per page: HTML, and the JS it runs before any interaction (module scripts, modulepreloads, inline scripts and their static imports)',
        columns: ['route', 'HTML', 'JS', 'JS budget', 'JS files', 'CSS'],
        rows,
      },
    ],
    notes,
    data: {
      pages: report.pages.map(({ page, html, scripts, styles }) => ({
        route: page.route,
        htmlGzip: html.gzip,
        htmlBytes: html.bytes,
        jsGzip: totalGzip(scripts),
        scripts,
        cssGzip: totalGzip(styles),
      })),
      cssTotalGzip: cssTotal,
      css: report.css,
      precache,
      violations: report.violations,
    },
  };
}
