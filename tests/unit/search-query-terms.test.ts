import { describe, expect, it } from 'vitest';
import { expandQuery, stem, toTerms } from '../../src/lib/search/query-terms.ts';

describe('stem', () => {
  it('merges the forms of one word', () => {
    for (const group of [
      ['label', 'labels', 'labelled', 'labeling', 'labeled'],
      ['retrain', 'retrains', 'retrained', 'retraining'],
      ['cache', 'cached', 'caching'],
      ['query', 'queries'],
      ['monitor', 'monitoring', 'monitors'],
    ]) {
      expect(new Set(group.map(stem)), group.join(', ')).toHaveProperty('size', 1);
    }
  });

  it('leaves words that only look plural alone', () => {
    expect(stem('bias')).toBe('bias');
    expect(stem('analysis')).toBe('analysis');
    expect(stem('status')).toBe('status');
    expect(stem('loss')).toBe('loss');
  });
});

describe('toTerms', () => {
  it('drops stop words and punctuation and keeps repeated words', () => {
    expect(toTerms('What is the p99, and how is the p99 split?')).toEqual(['p99', 'p99', 'split']);
  });

  it('reads curly and straight apostrophes alike', () => {
    expect(toTerms('the interviewer’s rubric')).toEqual(toTerms("the interviewer's rubric"));
  });
});

describe('expandQuery', () => {
  it('puts typed words first at full weight, then synonyms at a lower one', () => {
    const terms = expandQuery('How fast must it answer?');
    expect(terms.slice(0, 2)).toEqual([
      { term: 'fast', weight: 1, typed: true },
      { term: 'answer', weight: 1, typed: true },
    ]);
    expect(terms.slice(2).every((t) => !t.typed)).toBe(true);
    const latency = terms.find((t) => t.term === 'latency');
    expect(latency?.typed).toBe(false);
    expect(latency?.weight).toBeLessThan(1);
  });

  it('never repeats a term', () => {
    const terms = expandQuery('latency latency fast speed').map((t) => t.term);
    expect(new Set(terms).size).toBe(terms.length);
  });

  it('returns nothing for stop words only, modal verbs included', () => {
    expect(expandQuery('what is it?')).toEqual([]);
    expect(expandQuery('must it? may we? should they?')).toEqual([]);
  });
});
