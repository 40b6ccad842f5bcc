import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/deck/build.ts';
import { askedCount, binaryPartner, inlineSeriesSizes, leakedWords } from '../../src/deck/lint/card-rules.ts';
import { lintNotes, type LintNote } from '../../src/deck/lint/rules.ts';

/**
 * The card standard's rules on real cards of the deck (copied here from
 * content/, so a rewrite of the card does not change the test) and on synthetic
 * ones that must pass.
 */

const FRONTMATTER = `---
title: A page
description: A page for the linter's tests.
section: building-blocks
order: 1
---
`;

/** The linter's findings on one guide written from MDX cards, as `rule@line:column`. */
function lintPage(body: string): string[] {
  const result = buildDeck([{ path: 'building-blocks/page.mdx', source: `${FRONTMATTER}\n## Section\n\n${body}\n` }]);
  const lint = result.ok ? result.build.lint : result.lint;
  if (!lint) throw new Error(`the page should build: ${JSON.stringify(!result.ok && result.problems)}`);
  return lint.findings.map((f) => `${f.rule}@${f.line}:${f.column}`);
}

function problemsOf(body: string): string[] {
  const result = buildDeck([{ path: 'building-blocks/page.mdx', source: `${FRONTMATTER}\n## Section\n\n${body}\n` }]);
  return result.ok ? [] : result.problems.map((p) => p.message);
}

const rules = (findings: readonly string[]) => findings.map((f) => f.split('@')[0]);

describe('cloze-leak', () => {
  it('flags a deletion whose stem the rest of the sentence shows (real card: eta-prediction-pinball)', () => {
    expect(leakedWords('pinball (quantile)', 'To predict a quantile τ, train with the loss')).toEqual(['quantile']);
    const findings = lintPage(
      '<Cloze id="eta-prediction-pinball">To predict a quantile τ, train with the <C>pinball (quantile)</C> loss; at τ = 0.8 an under-prediction costs <C n="2">4×</C> as much as an over-prediction of the same size.</Cloze>',
    );
    expect(findings).toContain('cloze-leak@10:76');
  });

  it('flags a deletion its hint gives away, and a shared first five letters (real card: responsible-ml-demographic-parity)', () => {
    const findings = lintPage(
      '<Cloze id="responsible-ml-demographic-parity">Demographic parity requires the same <C hint="which rate">positive-prediction rate</C> in every group, whatever each group’s base rate.</Cloze>',
    );
    expect(rules(findings)).toEqual(['cloze-leak']);
    expect(leakedWords('calibration', 'a calibrated model')).toEqual(['calibration']);
  });

  it('passes a deletion the sentence only motivates, and ignores symbols and connectors', () => {
    expect(
      lintPage(
        '<Cloze id="ok">Rare positives make accuracy useless, so report <C>precision and recall</C> at the operating threshold.</Cloze>',
      ),
    ).toEqual([]);
    expect(leakedWords('batch vs online', 'Ask whether serving is … vs …')).toEqual([]);
  });

  it('is silenced by allow="cloze-leak: reason", and an allowance nothing needs is reported', () => {
    const leak =
      '<Cloze id="eta-prediction-pinball" allow="cloze-leak: the loss is named twice on purpose">To predict a quantile τ, train with the <C>pinball (quantile)</C> loss.</Cloze>';
    expect(lintPage(leak)).toEqual([]);
    expect(
      rules(
        lintPage('<Card id="c" q="What does a two-tower model give up?" allow="cloze-leak: no">Cross features.</Card>'),
      ),
    ).toEqual(['allow-unused']);
  });
});

describe('allow', () => {
  it('is a build error when it names an unknown rule, a rule that cannot be allowed, or gives no reason', () => {
    const card = (allow: string) =>
      `<Card id="c" q="What does a two-tower model give up?" allow="${allow}">Cross features.</Card>`;
    expect(problemsOf(card('cloze-leek: typo'))[0]).toContain('"cloze-leek" is not a rule that can be allowed');
    expect(problemsOf(card('similar-front: no'))[0]).toContain('"similar-front" is not a rule that can be allowed');
    expect(problemsOf(card('generated-restates: keep'))[0]).toContain('is not a rule that can be allowed');
    expect(problemsOf(card('long-list'))[0]).toContain('write "long-list: why the card is right as it is"');
    expect(problemsOf(card(''))[0]).toContain('has an empty allow');
  });
});

describe('cloze-binary', () => {
  it('flags a deletion that is one side of a pair (real card: ads-click-through-downsampling)', () => {
    expect(binaryPartner('too high')).toBe('too low');
    expect(binaryPartner('Decrease')).toBe('increase');
    expect(binaryPartner('too slow')).toBeUndefined();
    const findings = lintPage(
      '<Cloze id="ads-click-through-downsampling">If you train on a fraction w of the negatives, recalibrate each prediction p with <C hint="formula">q = p / (p + (1 − p) / w)</C>, or every pCTR is <C n="2">too high</C>.</Cloze>',
    );
    expect(findings).toContain('cloze-binary@10:192');
  });
});

describe('cloze-siblings', () => {
  it('flags two groups in one sentence once, at the later one (real card: premature-optimizer)', () => {
    const findings = lintPage(
      '<Cloze id="premature-optimizer-two">Before any architecture, ask for the <C>latency budget</C> and the <C n="2">peak QPS</C> of the service.</Cloze>',
    );
    expect(findings.filter((f) => f.startsWith('cloze-siblings'))).toEqual(['cloze-siblings@10:104']);
  });

  it('passes two groups in different sentences, and two deletions of one group', () => {
    expect(
      lintPage(
        '<Cloze id="two">Ranking needs a <C>latency budget</C> from the start. Capacity planning needs the <C n="2">peak QPS</C> of the service.</Cloze>',
      ),
    ).toEqual([]);
    expect(
      lintPage(
        '<Cloze id="one">Ranking needs a <C>latency budget</C> and capacity planning needs the <C>peak QPS</C> of the service.</Cloze>',
      ),
    ).toEqual([]);
  });
});

describe('inline series as lists', () => {
  it('counts "a, b, c and d" and "a, b, c, or d" like Markdown lists', () => {
    expect(inlineSeriesSizes('Clicks, likes, shares and comments.')).toEqual([4]);
    expect(inlineSeriesSizes('Clicks, likes, shares, or comments.')).toEqual([4]);
    expect(inlineSeriesSizes('Latency, cost and freshness.')).toEqual([3]);
    expect(inlineSeriesSizes('If the data is stale, retrain; otherwise, wait.')).toEqual([]);
    // Real answer (constraints-three-questions): the parenthesis is part of its item.
    expect(
      inlineSeriesSizes(
        'Latency budget, scale (peak QPS and data volume), and data and labels, including how late labels arrive.',
      ),
    ).toEqual([3]);
  });

  it('flags a long inline series in an answer (real card: round-formats-what-varies)', () => {
    const findings = lintPage(
      '<Card id="round-formats-what-varies" q="Which things vary between ML design rounds?">Who leads, how much coding, the depth expected, the time for questions, and the seniority bar.</Card>',
    );
    expect(rules(findings)).toEqual(['long-list']);
  });
});

describe('count-mismatch', () => {
  it('reads the size a front asks for, not a quantity', () => {
    expect(askedCount('Name three ways to cope with late labels.')).toBe(3);
    expect(askedCount('What are the four failure modes of a closing?')).toBe(4);
    expect(askedCount('Which two metrics disagree?')).toBe(2);
    expect(
      askedCount('Five minutes in, the interviewer says: assume it’s a click model. What do you do?'),
    ).toBeUndefined();
    expect(askedCount('Why write the five phase numbers in the margin?')).toBeUndefined();
  });

  it('flags "name N" whose answer has another number of items, and passes a match', () => {
    expect(
      rules(
        lintPage(
          '<Card id="n" q="Name three signals of a worsening feed.">Hides, unfollows, mutes and survey drops.</Card>',
        ),
      ),
    ).toEqual(expect.arrayContaining(['count-mismatch']));
    expect(
      lintPage('<Card id="m" q="Name three signals of a worsening feed.">Hides, unfollows and mutes.</Card>'),
    ).toEqual([]);
  });
});

describe('generated-restates', () => {
  const note = (id: string, origin: LintNote['origin'], front: string, answer: string, file = 'a.mdx'): LintNote => ({
    id,
    file,
    line: id.length,
    column: 1,
    kind: 'basic',
    origin,
    front,
    answer,
    listSizes: [],
    deletions: [],
    allowSimilar: [],
    allow: [],
  });
  // Real cards of building-blocks/responsible-ml.mdx: the .ask card's answer says what the authored card does.
  const authored = note(
    'responsible-ml-equalized-odds',
    'authored',
    'What does equalized odds require of a classifier?',
    'Equal true-positive rates and equal false-positive rates across groups.',
  );
  const generated = note(
    'responsible-ml-q-which-harm',
    'generated',
    'The model decides something about people, such as a loan, a job ad or a content takedown. What do you ask, and why?',
    '“Which mistake hurts people more here: wrongful denial or wrongful flag?” The harmful error picks the measure: equal true-positive rates against wrongful denials, equal false-positive rates against wrongful flags.',
  );
  const filler = [
    note('f1', 'authored', 'Why ask for the p99 latency rather than the mean?', 'Users feel the tail.', 'b.mdx'),
    note('f2', 'authored', 'What does a two-tower model give up?', 'Cross features between user and item.', 'b.mdx'),
    note('f3', 'authored', 'When is batch scoring enough?', 'When the decision can wait a day.', 'c.mdx'),
  ];

  it('flags a generated card whose answer restates an authored card of its page', () => {
    const findings = lintNotes([authored, generated, ...filler]).filter((f) => f.rule === 'generated-restates');
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('restates "responsible-ml-equalized-odds"');
    expect(findings[0]?.message).toContain('answer ~ answer');
  });

  it('compares a generated front with an authored answer too, and only on the same page', () => {
    const front = note(
      'gen-x',
      'generated',
      'Equal true-positive and false-positive rates across groups: which criterion?',
      'It is a guess.',
    );
    expect(lintNotes([authored, front, ...filler]).map((f) => f.rule)).toContain('generated-restates');
    const elsewhere = { ...generated, file: 'other.mdx' };
    expect(lintNotes([authored, elsewhere, ...filler]).map((f) => f.rule)).not.toContain('generated-restates');
  });
});
