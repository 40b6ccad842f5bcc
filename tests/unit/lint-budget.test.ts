import { describe, expect, it } from 'vitest';
import {
  checkLintWarnings,
  countByRule,
  LINT_WARNING_BASELINE,
  lintContent,
} from '../../scripts/budgets/lint-warnings.ts';

describe('the card lint warning budget', () => {
  it('passes at or under the baseline and fails over it, naming the rules and the way out', () => {
    expect(checkLintWarnings(3, 3)).toBeUndefined();
    expect(checkLintWarnings(0, 3)).toBeUndefined();
    expect(checkLintWarnings(4, 3, { 'long-answer': 3, 'long-list': 1, 'cloze-stop-word': 0 })).toBe(
      'card lint warnings grew from 3 to 4 (long-answer 3, long-list 1). Fix the cards (npm run deck -- --lint lists them), ' +
        'or raise LINT_WARNING_BASELINE in scripts/budgets/lint-warnings.ts and say why in the commit.',
    );
  });

  it('counts findings by rule on a fixture', () => {
    const lint = lintContent('tests/fixtures/deck/lint-warnings');
    if (!lint) throw new Error('fixture should parse');
    expect(countByRule(lint)).toEqual({
      byRule: { 'long-answer': 1, 'long-list': 1, 'front-not-question': 1, 'cloze-stop-word': 1 },
      errors: 0,
      warnings: 4,
    });
  });

  it('holds on the real content: warnings may not grow beyond the recorded baseline', { timeout: 120_000 }, () => {
    const lint = lintContent('content');
    if (!lint) throw new Error('content/ has problems other than lint findings; run npm run deck');
    const { byRule, warnings } = countByRule(lint);
    expect(checkLintWarnings(warnings, LINT_WARNING_BASELINE, byRule)).toBeUndefined();
  });
});
