import { formatProblem } from '../problems.ts';
import { LINT_RULES, type LintFinding, type LintRule } from './rules.ts';

/** `path:line:column: rule: message`, the deck CLI's problem format with the rule in front. */
export function formatFinding(finding: LintFinding, contentDir: string): string {
  return formatProblem({ ...finding, message: `${finding.rule}: ${finding.message}` }, contentDir);
}

export function countBySeverity(findings: readonly LintFinding[]): { errors: number; warnings: number } {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { errors, warnings: findings.length - errors };
}

/** Findings per rule, every rule listed (a zero is news too), with the share of linted notes each touches. */
export function summaryTable(findings: readonly LintFinding[], notesLinted: number): string {
  const rules = Object.keys(LINT_RULES) as LintRule[];
  const rows = rules.map((rule) => {
    const count = findings.filter((f) => f.rule === rule).length;
    const share = notesLinted === 0 ? 0 : (100 * count) / notesLinted;
    return [rule, LINT_RULES[rule].severity, String(count), `${share.toFixed(1)}%`, LINT_RULES[rule].description];
  });
  const { errors, warnings } = countBySeverity(findings);
  const header = ['rule', 'severity', 'count', 'of notes', 'what it means'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (i === 2 || i === 3 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [
    line(header),
    ...rows.map(line),
    `${notesLinted} notes linted: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
  ].join('\n');
}
