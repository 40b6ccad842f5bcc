import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUDGETS, checkBudgets } from '../../scripts/budgets/check-budgets.ts';
import { gzipSize, weighPage, weighPrecache } from '../../scripts/budgets/weigh-pages.ts';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vibe-budgets-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(file: string, content: string | Buffer): void {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), content);
}

/** Random text that weighs about `kb` KB gzipped (base64 carries 6 random bits a character). */
function incompressible(kb: number): string {
  return randomBytes(kb * 1024).toString('base64');
}

function page(body: string, head = ''): string {
  return `<!doctype html><html><head><title>t</title>${head}<link rel="stylesheet" href="/_astro/site.css"></head><body>${body}</body></html>`;
}

function workerWith(urls: string[]): string {
  const manifest = JSON.stringify(urls.map((url) => ({ revision: null, url })));
  return `"use strict";(()=>{var e=${manifest};self.precache(e)})();`;
}

/** A small site within every budget: a guide page with a tiny script, /review/ with a bigger one. */
function writeHealthySite(): void {
  write('_astro/site.css', 'body{margin:0}');
  write('_astro/theme.js', 'import{s as t}from"./shared.js";t();');
  write('_astro/shared.js', 'export function s(){document.documentElement.dataset.theme="dark"}');
  // Only loaded when search opens: never counted before interaction.
  write('_astro/search.js', `export const big=${JSON.stringify(incompressible(40))};`);
  write('_astro/review.js', `import"./shared.js";export const app=${JSON.stringify(incompressible(20))};`);
  write('index.html', page('<h1>Home</h1><script type="module" src="/_astro/theme.js"></script>'));
  write(
    'phases/constraints/index.html',
    page(
      '<h1>Constraints</h1><script type="module">import"/_astro/theme.js";document.querySelector("button")?.addEventListener("click",()=>import("/_astro/search.js"))</script>',
    ),
  );
  write('review/index.html', page('<h1>Review</h1>', '<link rel="modulepreload" href="/_astro/review.js">'));
  write('sw.js', workerWith(['index.html', 'phases/constraints/index.html', '_astro/site.css']));
}

describe('checkBudgets', () => {
  it('passes a build within every budget', () => {
    writeHealthySite();
    const report = checkBudgets(dir);
    expect(report.violations).toEqual([]);
    expect(report.pages.map((p) => p.page.route)).toEqual(['/', '/phases/constraints/', '/review/']);
  });

  it('fails a page whose gzipped HTML is over 14 KB, naming the file and its size', () => {
    writeHealthySite();
    write('phases/bloated/index.html', page(`<p>${incompressible(15)}</p>`));
    const { violations } = checkBudgets(dir);
    expect(violations).toHaveLength(1);
    const [violation] = violations;
    expect(violation?.budget).toBe('page-html');
    expect(violation?.file).toBe('phases/bloated/index.html');
    expect(violation?.actual).toBeGreaterThan(BUDGETS.pageHtml);
    expect(violation?.message).toMatch(
      /^phases\/bloated\/index\.html: 1[5-9]\.\d KB of gzipped HTML, over the 14\.0 KB budget/u,
    );
  });

  it('counts static imports, recursively, but not dynamic ones, towards a page’s JS', () => {
    writeHealthySite();
    const weight = weighPage(dir, { route: '/phases/constraints/', file: 'phases/constraints/index.html' });
    expect(weight.scripts.map((s) => s.file)).toEqual([
      '(inline in phases/constraints/index.html)',
      '_astro/shared.js',
      '_astro/theme.js',
    ]);
    expect(weight.styles.map((s) => s.file)).toEqual(['_astro/site.css']);
  });

  it('fails a guide page whose JS before interaction is over 5 KB, and lists the files', () => {
    writeHealthySite();
    write('_astro/shared.js', `export function s(){}export const x=${JSON.stringify(incompressible(6))};`);
    const { violations } = checkBudgets(dir);
    expect(violations.map((v) => [v.budget, v.file])).toEqual([
      ['page-js', 'index.html'],
      ['page-js', 'phases/constraints/index.html'],
    ]);
    expect(violations[1]?.message).toMatch(
      /^phases\/constraints\/index\.html: 6\.\d KB of gzipped JS before interaction, over the 5\.0 KB budget for a reading page \(_astro\/shared\.js 6\.\d KB, /u,
    );
  });

  it('gives /review/ its own 30 KB budget', () => {
    writeHealthySite();
    expect(checkBudgets(dir).violations).toEqual([]);
    write('_astro/review.js', `export const app=${JSON.stringify(incompressible(31))};`);
    const { violations } = checkBudgets(dir);
    expect(violations.map((v) => v.message)).toEqual([
      expect.stringMatching(
        /^review\/index\.html: 3[12]\.\d KB of gzipped JS before interaction, over the 30\.0 KB budget for \/review\//u,
      ),
    ]);
  });

  it('gives the pages under /review/ the review app’s budget, not a reading page’s', () => {
    writeHealthySite();
    write('review/stats/index.html', page('<h1>Stats</h1>', '<link rel="modulepreload" href="/_astro/review.js">'));
    expect(checkBudgets(dir).violations).toEqual([]);
    write('phases/design/index.html', page('<h1>Design</h1>', '<link rel="modulepreload" href="/_astro/review.js">'));
    expect(checkBudgets(dir).violations.map((v) => v.file)).toEqual(['phases/design/index.html']);
  });

  it('counts an idle overlay as its own line: the module, its imports and its worker, not what the page loaded', () => {
    writeHealthySite();
    write(
      'phases/design/index.html',
      page(
        '<script type="module" src="/_astro/memory.js"></script><script type="module" src="/_astro/theme.js"></script>',
      ),
    );
    write('_astro/memory.js', 'requestIdleCallback(()=>import("./memory-overlay.abc.js"));');
    write(
      '_astro/memory-overlay.abc.js',
      `import"./shared.js";import"./marks.js";new Worker(new URL("/_astro/memory-worker-x.js",import.meta.url));`,
    );
    write('_astro/marks.js', 'export const m=1;');
    write('_astro/memory-worker-x.js', `self.w=${JSON.stringify(incompressible(3))};`);
    const ok = checkBudgets(dir);
    expect(ok.violations).toEqual([]);
    // shared.js is on the page already (theme.js imports it): not counted again.
    expect(ok.idle[0]?.files.map((f) => f.file)).toEqual([
      '_astro/marks.js',
      '_astro/memory-overlay.abc.js',
      '_astro/memory-worker-x.js',
    ]);
    write('_astro/memory-worker-x.js', `self.w=${JSON.stringify(incompressible(9))};`);
    expect(checkBudgets(dir).violations.map((v) => [v.budget, v.message])).toEqual([
      [
        'idle-js',
        expect.stringMatching(/^memory-overlay: 9\.\d KB of gzipped JS loaded when idle, over its 8\.0 KB budget/u),
      ],
    ]);
    // The guide page itself stays within its 5 KB: the overlay waits for idle.
    expect(BUDGETS.defaultJs).toBe(5 * 1024);
  });

  it('fails when all the CSS together is over 12 KB', () => {
    writeHealthySite();
    write('_astro/extra.css', `.x{content:"${incompressible(13)}"}`);
    const { violations } = checkBudgets(dir);
    expect(violations.map((v) => [v.budget, v.file])).toEqual([['all-css', dir]]);
    expect(violations[0]?.message).toContain('_astro/extra.css 13.');
  });

  it('sizes the precache from the manifest in sw.js, gzipped, and fails it over budget naming the largest files', () => {
    writeHealthySite();
    // Random bytes do not compress: 4 KB stored is about 4 KB on the wire.
    write('big.bin', randomBytes(4096));
    write('sw.js', workerWith(['index.html', 'big.bin', 'gone.html']));
    const precache = weighPrecache(dir);
    expect(precache?.files).toBe(3);
    expect(precache?.missing).toEqual(['gone.html']);
    expect(precache?.largest[0]?.file).toBe('big.bin');
    const small = { ...BUDGETS, precache: 4096 };
    const { violations } = checkBudgets(dir, { budgets: small });
    expect(violations.map((v) => v.budget)).toEqual(['precache']);
    expect(violations[0]?.message).toMatch(
      /sw\.js: precaches 4\.\d KB gzipped \(4\.\d KB stored\) in 3 files, over the 4\.0 KB budget \(big\.bin 4\.\d KB, index\.html/u,
    );
  });

  it('judges the precache on the wire: a large but compressible file passes a budget its stored size would fail', () => {
    writeHealthySite();
    write('deck.json', JSON.stringify({ cards: Array.from({ length: 2000 }, (_, i) => ({ id: `card-${i}` })) }));
    write('sw.js', workerWith(['index.html', 'deck.json']));
    const precache = weighPrecache(dir);
    if (!precache) throw new Error('no precache measured');
    const budget = { ...BUDGETS, precache: Math.ceil(precache.gzip * 1.5) };
    expect(precache.bytes).toBeGreaterThan(budget.precache);
    expect(checkBudgets(dir, { budgets: budget }).violations).toEqual([]);
  });

  it('reports a missing service worker instead of passing silently', () => {
    writeHealthySite();
    rmSync(join(dir, 'sw.js'));
    expect(checkBudgets(dir).violations.map((v) => v.budget)).toEqual(['precache']);
    expect(checkBudgets(dir, { requirePrecache: false }).violations).toEqual([]);
  });

  it('follows URLs under a base path', () => {
    write('_astro/a.js', 'import"./b.js";');
    write('_astro/b.js', 'export{};');
    write('index.html', '<script type="module" src="/vibe/_astro/a.js"></script>');
    const weight = weighPage(dir, { route: '/', file: 'index.html' }, { base: '/vibe/' });
    expect(weight.scripts.map((s) => s.file)).toEqual(['_astro/a.js', '_astro/b.js']);
  });
});

describe('gzipSize', () => {
  it('measures compressed bytes', () => {
    expect(gzipSize('a'.repeat(10_000))).toBeLessThan(100);
    expect(gzipSize(randomBytes(2000))).toBeGreaterThan(2000);
  });
});
