import { buildDeckFromDir, type DeckLint } from '../../src/deck/build.ts';
import { countBySeverity } from '../../src/deck/lint/report.ts';
import type { LintRule } from '../../src/deck/lint/rules.ts';

/**
 * The card linter's warnings on the real content may not grow: each one is a
 * card that breaks the minimum-information principle, reviewed every few days.
 * Raising this number is allowed only in a commit that says why; lower it
 * whenever the content gets better, so the slack does not hide a regression.
 */
export const LINT_WARNING_BASELINE = 0;

/** A failure message when `warnings` is over `baseline`, naming the rules that grew; undefined within it. */
export function checkLintWarnings(
  warnings: number,
  baseline: number,
  byRule: Partial<Record<LintRule, number>> = {},
): string | undefined {
  if (warnings <= baseline) return undefined;
  const rules = Object.entries(byRule)
    .filter(([, count]) => (count ?? 0) > 0)
    .map(([rule, count]) => `${rule} ${count}`)
    .join(', ');
  return (
    `card lint warnings grew from ${baseline} to ${warnings}${rules ? ` (${rules})` : ''}. ` +
    'Fix the cards (npm run deck -- --lint lists them), or raise LINT_WARNING_BASELINE in ' +
    'scripts/budgets/lint-warnings.ts and say why in the commit.'
  );
}

/** The linter's result on a content folder, whether or not its errors fail the build; undefined on invalid content. */
export function lintContent(contentDir: string): DeckLint | undefined {
  const result = buildDeckFromDir(contentDir);
  return result.ok ? result.build.lint : result.lint;
}

/** Findings per rule, warnings and errors counted. */
export function countByRule(lint: DeckLint): {
  byRule: Partial<Record<LintRule, number>>;
  errors: number;
  warnings: number;
} {
  const byRule: Partial<Record<LintRule, number>> = {};
  for (const finding of lint.findings) byRule[finding.rule] = (byRule[finding.rule] ?? 0) + 1;
  return { byRule, ...countBySeverity(lint.findings) };
}
