import { describe, expect, it } from 'vitest';
import { isQuestionOrPrompt, lintNotes, type LintFinding, type LintNote } from '../../src/deck/lint/rules.ts';

let line = 0;
/** A basic note at a fresh line of `page.mdx`, unrelated to every other unless the test says otherwise. */
function basic(id: string, front: string, answer: string, extra: Partial<LintNote> = {}): LintNote {
  line += 10;
  return {
    id,
    file: 'page.mdx',
    line,
    column: 1,
    kind: 'basic',
    origin: 'authored',
    front,
    answer,
    listSizes: [],
    deletions: [],
    allowSimilar: [],
    allow: [],
    ...extra,
  };
}

/** A cloze note from text with `{{…}}` marking deletions. */
function cloze(id: string, marked: string): LintNote {
  const deletions: LintNote['deletions'] = [];
  let text = '';
  for (const [i, part] of marked.split(/\{\{|\}\}/u).entries()) {
    if (i % 2 === 1)
      deletions.push({
        start: text.length,
        end: text.length + part.length,
        place: { file: 'page.mdx', line: 99, column: 5 },
        group: 1,
        hint: undefined,
      });
    text += part;
  }
  return { ...basic(id, text.replace(/\S+/gu, '…'), text), kind: 'cloze', deletions };
}

const rulesOf = (findings: readonly LintFinding[]) => findings.map((f) => `${f.rule}@${f.line}`);

// Unrelated filler so the corpus-wide word weights resemble a real deck's.
const filler = [
  basic(
    'f1',
    'Why ask for the p99 latency rather than the mean?',
    'Users feel the tail; a model that fits the mean can blow the p99.',
  ),
  basic('f2', 'What does a two-tower model give up?', 'Cross features between the user and the item.'),
  basic('f3', 'Which signal says a feed is getting worse?', 'Hides, unfollows and falling survey scores over months.'),
  basic('f4', 'When is batch scoring enough?', 'When the decision can wait for a daily or hourly job.'),
];

describe('duplicate rules', () => {
  it('reports a front repeated word for word as an error at the second note, naming the first', () => {
    const a = basic('a', 'What is the selective-labels problem?', 'Declined payments never get an outcome.');
    const b = basic(
      'b',
      'What is the selective‑labels problem?',
      'Only approved loans are observed, so the data reflects the old policy.',
    );
    const findings = lintNotes([...filler, a, b]);
    const identical = findings.filter((f) => f.rule === 'identical-front');
    expect(identical).toHaveLength(1);
    expect(identical[0]).toMatchObject({ severity: 'error', line: b.line });
    expect(identical[0]?.message).toContain(`"a" (page.mdx:${a.line}:1)`);
    // The same pair is not reported twice.
    expect(findings.filter((f) => f.rule === 'similar-front')).toEqual([]);
  });

  it('reports two phrasings of one question whose answers back each other up', () => {
    const a = basic(
      'threshold-a',
      'What should pick the decision threshold of a fraud model?',
      'Expected cost: a missed fraud against a false decline.',
    );
    const b = basic(
      'threshold-b',
      'How do you set the decline threshold for a fraud model?',
      'Weigh a missed fraud against an annoyed customer with a false decline.',
    );
    const findings = lintNotes([...filler, a, b]);
    expect(rulesOf(findings)).toEqual([`similar-front@${b.line}`]);
    expect(findings[0]?.severity).toBe('error');
    expect(findings[0]?.message).toMatch(/fronts 0\.\d\d, answers 0\.\d\d/u);
    expect(findings[0]?.message).toContain('allow-similar="threshold-a: <why both are needed>"');
  });

  it('does not report one template asked about different things (similar fronts, different answers)', () => {
    const a = basic(
      'v1',
      'What does the interviewer conclude after watching the Research Flexer?',
      'Knows the literature but cannot scope a first version.',
    );
    const b = basic(
      'v2',
      'What does the interviewer conclude after watching the Deer in Headlights?',
      'Needs heavy guidance to make progress on ambiguity.',
    );
    expect(lintNotes([...filler, a, b])).toEqual([]);
  });

  it('reports the same answer to different questions', () => {
    const a = basic(
      'shelf',
      'Why does shelf life matter for ice-cream stock?',
      'If leftovers keep frozen for weeks, over-stock is cheap and a simple reorder rule may beat any weather model.',
    );
    const b = basic(
      'dissolve',
      'Which question can dissolve the ice-cream prompt?',
      'Is the stock frozen and storable? If leftovers keep for weeks, over-stock is cheap and a simple reorder rule may beat a model.',
    );
    expect(rulesOf(lintNotes([...filler, a, b]))).toEqual([`similar-answer@${b.line}`]);
  });

  it('accepts a pair allowed on either card, and flags allowances that name no card or no similar card', () => {
    const a = basic(
      'shelf',
      'Why does shelf life matter for ice-cream stock?',
      'If leftovers keep frozen for weeks, over-stock is cheap and a simple reorder rule may beat any weather model.',
    );
    const allow = (id: string) => [
      { id, reason: 'one asks why, one asks what to ask', file: 'page.mdx', line: 500, column: 3 },
    ];
    const b = basic(
      'dissolve',
      'Which question can dissolve the ice-cream prompt?',
      'Is the stock frozen and storable? If leftovers keep for weeks, over-stock is cheap and a simple reorder rule may beat a model.',
      {
        allowSimilar: allow('shelf'),
      },
    );
    expect(lintNotes([...filler, a, b])).toEqual([]);
    const c = basic('c', 'Why ask about the latency budget first?', 'It decides batch or online.', {
      allowSimilar: [...allow('f4'), ...allow('missing-card')],
    });
    const findings = lintNotes([...filler, c]);
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['allow-similar-unknown', 'error'],
      ['allow-similar-unused', 'warning'],
    ]);
    expect(findings[0]).toMatchObject({ line: 500, column: 3 });
  });

  it('never calls texts with fewer than three content words alike', () => {
    expect(
      lintNotes([basic('x', 'Why?', 'Latency.'), basic('y', 'Why not?', 'Latency!')]).filter(
        (f) => f.rule !== 'front-not-question',
      ),
    ).toEqual([]);
  });
});

describe('minimum-information rules (warnings)', () => {
  it('warns on answers over 30 words, not at 30', () => {
    const words = (n: number, stem: string) => Array.from({ length: n }, (_, i) => `${stem}${i}`).join(' ');
    const findings = lintNotes([
      basic('ok', 'Name it?', words(30, 'alpha')),
      basic('long', 'Name it again?', words(31, 'beta')),
    ]);
    expect(findings.map((f) => [f.rule, f.severity, f.message])).toEqual([
      ['long-answer', 'warning', 'the answer has 31 words (more than 30); split it into one-fact cards'],
    ]);
  });

  it('warns on list answers over 3 items, not at 3', () => {
    const findings = lintNotes([
      basic('three', 'Which three?', 'a b c', { listSizes: [3] }),
      basic('four', 'Which four?', 'a b c d', { listSizes: [4] }),
    ]);
    expect(findings.map((f) => `${f.rule}: ${f.message}`)).toEqual([
      'long-list: the answer lists 4 items (more than 3); ask for one item per card, or for the idea behind them',
    ]);
  });

  it('warns when a cloze deletes only stop words, at the deletion', () => {
    const findings = lintNotes([
      cloze('stop', 'A first stage tuned for recall does {{not}} see every positive.'),
      cloze('good', 'Tune the first stage for {{recall}}, not precision.'),
    ]);
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([['cloze-stop-word', 99, 5]]);
  });

  it('warns when a cloze deletes its whole sentence, not when a cue is left', () => {
    const findings = lintNotes([
      cloze('whole', 'Latency decides the design. {{Batch scoring removes the latency budget.}}'),
      cloze('cue', 'The ranker learns from its own choices: a {{feedback loop}}. Reserve traffic for exploration.'),
    ]);
    expect(findings.map((f) => `${f.rule}: ${f.message}`)).toEqual([
      'cloze-whole-sentence: the deletion "Batch scoring removes the latency budget." hides its whole sentence, leaving no cue; delete the key term instead',
    ]);
  });

  it('warns on basic fronts that are neither questions nor prompts', () => {
    expect(rulesOf(lintNotes([basic('statement', 'The latency budget of a feed ranker', 'About 100 ms.')]))).toEqual([
      `front-not-question@${line}`,
    ]);
    expect(isQuestionOrPrompt('Why ask “What is the peak QPS?”')).toBe(true);
    expect(isQuestionOrPrompt('What is a guardrail metric? Give one for a feed.')).toBe(true);
    expect(isQuestionOrPrompt('Labels arrive 60 days late. Name three ways to cope.')).toBe(true);
    expect(isQuestionOrPrompt('Complete the funnel:')).toBe(true);
    expect(isQuestionOrPrompt('Name the three constraints.')).toBe(true);
    expect(isQuestionOrPrompt('Batch removes the latency budget.')).toBe(false);
  });
});

describe('findings', () => {
  it('come sorted by file, line and column whatever order the rules ran in', () => {
    const late = basic('late', 'A statement, not a question', 'x');
    const early = { ...basic('early', 'Another statement', 'y'), line: 1 };
    const findings = lintNotes([late, early]);
    expect(findings.map((f) => f.line)).toEqual([1, late.line]);
  });
});
