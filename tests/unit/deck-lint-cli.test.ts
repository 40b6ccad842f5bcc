import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildDeckFromDir } from '../../src/deck/build.ts';
import { main } from '../../scripts/deck/cli.ts';

const ERRORS = 'tests/fixtures/deck/lint-errors';
const WARNINGS = 'tests/fixtures/deck/lint-warnings';

async function runCli(args: string[]) {
  const errors: string[] = [];
  const logs: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
  vi.spyOn(console, 'log').mockImplementation((line: string) => void logs.push(line));
  const code = await main(args, {});
  return { code, errors, logs };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the card linter in the deck build', () => {
  it('fails on lint errors with one path:line:column: rule: message line each, and writes nothing', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'deck-lint-')), 'out');
    const { code, errors } = await runCli(['--content', ERRORS, '--out', out]);
    expect(code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(errors).toEqual([
      `${ERRORS}/phases/first.mdx:14:1: identical-front: the front is word for word the front of "first-selective-labels" (phases/first.mdx:10:1); one of them must go or change`,
      `${ERRORS}/phases/first.mdx:28:67: allow-similar-unknown: allow-similar names "no-such-card", which is not a card or cloze id`,
      '2 problems; nothing written.',
    ]);
  });

  it('with --lint prints every finding and a table by rule, errors and warnings counted', async () => {
    const { code, logs, errors } = await runCli(['--content', ERRORS, '--lint']);
    expect(code).toBe(1);
    expect(errors).toEqual(['2 problems; nothing written.']);
    const table = logs.join('\n');
    expect(table).toMatch(/^identical-front +error +1 +20\.0% /mu);
    expect(table).toMatch(/^similar-front +error +0 +0\.0% /mu);
    expect(table).toContain('5 notes linted: 2 errors, 0 warnings');
  });

  it('lets warnings through, reports them with --lint and counts them in the summary line', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'deck-lint-')), 'out');
    const { code, logs } = await runCli(['--content', WARNINGS, '--out', out, '--lint']);
    expect(code).toBe(0);
    expect(existsSync(join(out, 'deck.json'))).toBe(true);
    const findings = logs.filter((line) => line.startsWith(WARNINGS));
    expect(findings.map((line) => line.split(': ')[1])).toEqual([
      'long-answer',
      // The long answer is also an inline series of four.
      'long-list',
      'long-list',
      'front-not-question',
      'cloze-stop-word',
    ]);
    expect(findings[0]).toMatch(
      /^tests\/fixtures\/deck\/lint-warnings\/phases\/first\.mdx:10:1: long-answer: the answer has 3\d words/u,
    );
    expect(logs.at(-1)).toMatch(/: 5 cards \(4 authored, 1 generated; 1 cloze\), .*, 5 lint warnings\.$/u);
  });

  it('turns a question with a situation into an application card: situation in front, question and why behind', () => {
    const result = buildDeckFromDir(WARNINGS);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const cards = result.build.deck.cards;
    const apply = cards.find((c) => c.noteId === 'first-q-decision');
    expect(apply).toMatchObject({
      id: 'first-q-decision.ask',
      origin: 'generated',
      front:
        '<p><strong>First (Budgets).</strong> The interviewer has said only “predict churn”.</p>\n<p>What do you ask, and why?</p>',
      back: '<p><em>“What decision will this prediction drive?”</em></p>\n<p>The action defines the label and the cost of each error.</p>',
    });
    expect(cards.some((c) => c.noteId === 'first-q-search-only')).toBe(false);
    expect(result.build.questionIndex.entries.map((e) => e.id)).toContain('first-q-search-only');
  });
});
