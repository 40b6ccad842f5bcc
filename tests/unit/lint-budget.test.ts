import { describe, expect, it } from 'vitest';
import {
  checkLintWarnings,
  countByRule,
  LINT_WARNING_BASELINE,
  lintContent,
} from '../../scripts/budgets/lint-warnings.ts';

describe('the card lint warning budget', () => {
  it("passes at or under each rule's baseline and fails over it, naming the rules and the way out", () => {
    expect(checkLintWarnings({ 'long-answer': 3 }, { 'long-answer': 3 })).toBeUndefined();
    expect(checkLintWarnings({}, { 'long-answer': 3 })).toBeUndefined();
    // Per rule: fewer long answers do not buy room for a new cloze leak.
    expect(
      checkLintWarnings(
        { 'long-answer': 1, 'long-list': 1, 'cloze-leak': 2, 'cloze-stop-word': 0 },
        { 'long-answer': 3, 'cloze-leak': 1 },
      ),
    ).toBe(
      'card lint warnings grew (cloze-leak 1 → 2, long-list 0 → 1). Fix the cards (npm run deck -- --lint lists them), ' +
        'or raise LINT_WARNING_BASELINE in scripts/budgets/lint-warnings.ts and say why in the commit.',
    );
    // Errors fail the build on their own; the budget is for warnings.
    expect(checkLintWarnings({ 'similar-front': 1 }, {})).toBeUndefined();
  });

  it('counts findings by rule on a fixture', () => {
    const lint = lintContent('tests/fixtures/deck/lint-warnings');
    if (!lint) throw new Error('fixture should parse');
    expect(countByRule(lint)).toEqual({
      byRule: { 'long-answer': 1, 'long-list': 2, 'front-not-question': 1, 'cloze-stop-word': 1 },
      errors: 0,
      warnings: 5,
    });
  });

  it('holds on the real content: warnings may not grow beyond the recorded baseline', { timeout: 120_000 }, () => {
    const lint = lintContent('content');
    if (!lint) throw new Error('content/ has problems other than lint findings; run npm run deck');
    const { byRule } = countByRule(lint);
    expect(checkLintWarnings(byRule, LINT_WARNING_BASELINE)).toBeUndefined();
  });
});
