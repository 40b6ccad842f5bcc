import { join } from 'node:path';
import { buildDeckFromDir } from '../../src/deck/build.ts';
import { LINT_RULES, type LintRule } from '../../src/deck/lint/rules.ts';
import { checkLintWarnings, countByRule, LINT_WARNING_BASELINE, totalOf } from '../budgets/lint-warnings.ts';
import type { BenchContext } from './context.ts';
import type { SectionResult } from './report.ts';

/**
 * The card linter on the real content: findings by rule, the warning count
 * against its recorded baseline (scripts/budgets/lint-warnings.ts), and the
 * deck's composition (authored, generated, cloze). Counts, not times: the
 * linter's cost is part of the deck builder's timings.
 */
export function benchDeckLint(context: BenchContext): SectionResult {
  const id = 'deck-lint';
  const title = 'Card linter (real content)';
  const result = buildDeckFromDir(join(context.root, 'content'));
  const lint = result.ok ? result.build.lint : result.lint;
  if (!lint) {
    return {
      id,
      title,
      status: 'failed',
      reason: 'content/ has problems besides lint findings (run npm run deck)',
      tables: [],
      notes: [],
      data: null,
    };
  }
  const { byRule, errors, warnings } = countByRule(lint);
  const share = (n: number, of: number) => (of === 0 ? '0%' : `${((100 * n) / of).toFixed(1)}%`);
  const rules = Object.keys(LINT_RULES) as LintRule[];
  const tables = [
    {
      title: `Findings by rule over ${lint.notesLinted} notes (a cloze counts once)`,
      columns: ['rule', 'severity', 'findings', 'baseline', 'of notes'],
      rows: rules.map((rule) => [
        rule,
        LINT_RULES[rule].severity,
        String(byRule[rule] ?? 0),
        LINT_RULES[rule].severity === 'warning' ? String(LINT_WARNING_BASELINE[rule] ?? 0) : '',
        share(byRule[rule] ?? 0, lint.notesLinted),
      ]),
    },
  ];
  let composition: Record<string, number> | null = null;
  if (result.ok) {
    const cards = result.build.deck.cards;
    const generated = cards.filter((c) => c.origin === 'generated').length;
    const cloze = cards.filter((c) => c.kind === 'cloze').length;
    composition = { cards: cards.length, authored: cards.length - generated, generated, cloze };
    tables.push({
      title: 'Deck composition',
      columns: ['cards', 'authored', 'generated', 'generated share', 'cloze'],
      rows: [
        [
          String(cards.length),
          String(cards.length - generated),
          String(generated),
          share(generated, cards.length),
          String(cloze),
        ],
      ],
    });
  }
  const over = checkLintWarnings(byRule, LINT_WARNING_BASELINE);
  const notes = [
    `Lint warnings: ${warnings} (baseline ${totalOf(LINT_WARNING_BASELINE)}, set per rule); errors: ${errors}${errors > 0 ? ', so the build fails' : ''}.`,
    ...(over ? [over] : []),
  ];
  context.log(`card linter: ${errors} errors, ${warnings} warnings`);
  return {
    id,
    title,
    status: 'ok',
    tables,
    notes,
    data: { byRule, errors, warnings, baseline: LINT_WARNING_BASELINE, notesLinted: lint.notesLinted, composition },
  };
}
