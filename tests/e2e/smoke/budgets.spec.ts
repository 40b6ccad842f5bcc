import { checkBudgets, type BudgetReport, type BudgetViolation } from '../../../scripts/budgets/check-budgets.ts';
import { test, expect } from '../support/fixtures.ts';
import { realDistDir } from '../support/built-site.ts';

// Size budgets against the real guides' build (what ships, so not the fixture site): no browser, only the files a visitor downloads.
// The checker itself is unit-tested (tests/unit/budgets.test.ts), failing on purpose.

let report: BudgetReport | undefined;
function measured(): BudgetReport {
  report ??= checkBudgets(realDistDir());
  return report;
}

function messages(budget: BudgetViolation['budget']): string[] {
  return measured()
    .violations.filter((v) => v.budget === budget)
    .map((v) => v.message);
}

test('the build has the routes the budgets single out', () => {
  const routes = measured().pages.map((p) => p.page.route);
  expect(routes).toEqual(expect.arrayContaining(['/', '/review/', '/questions/', '/phases/constraints/']));
});

test('every page is at most 14 KB of gzipped HTML', () => {
  expect(messages('page-html')).toEqual([]);
});

test('JS before interaction: ≤ 5 KB on a guide page, ≤ 30 KB on /review/ and /drill/, ≤ 20 KB on /questions/', () => {
  expect(messages('page-js')).toEqual([]);
});

test('a guide’s memory overlay, loaded when idle, is its own line and at most 8 KB gzipped', () => {
  expect(measured().idle.map((line) => line.name)).toEqual(['memory-overlay']);
  expect(messages('idle-js')).toEqual([]);
});

test('all the CSS together is at most 12 KB gzipped', () => {
  expect(messages('all-css')).toEqual([]);
});

test('the service worker precaches the app in at most 600 KB on the wire', () => {
  expect(messages('precache')).toEqual([]);
  expect(measured().precache?.missing).toEqual([]);
});
