import { describe, expect, it } from 'vitest';
import { countWords, parseMdx } from '../../src/deck/index.ts';

const count = (source: string) => {
  const parsed = parseMdx(source, 'page.mdx');
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return countWords(parsed.tree);
};

describe('countWords', () => {
  it('counts prose, lists, tables and code spans, not frontmatter or markup', () => {
    const source = [
      '---',
      'title: Five words of frontmatter here',
      '---',
      '',
      '## Latency budget',
      '',
      'A **p99** of 100 ms, not `p50`. See [the guide](/phases/constraints/).',
      '',
      '- one item',
      '',
      '| a | b |',
      '|---|---|',
      '| c | d |',
    ].join('\n');
    // "Latency budget" 2 + "A p99 of 100 ms, not p50. See the guide." 10 + "one item" 2 + a b c d 4
    expect(count(source)).toBe(18);
  });

  it('counts what a reader sees of a card: its question and answer, not its id or tags', () => {
    const source =
      '<Card id="some-long-card-id" q="Which three questions?" tags="a b c">\nLatency, scale, labels.\n</Card>';
    expect(count(source)).toBe(6);
  });

  it('keeps numbers and hyphenated or dotted terms as one word each', () => {
    expect(count('Two-tower recall and 1.5 ms at p99.')).toBe(7);
  });
});
