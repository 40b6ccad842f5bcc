import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { questionIndexSchema, type QuestionIndex } from '../../src/lib/deck-schema.ts';
import {
  buildQuestionSearchData,
  createQuestionSearcher,
  listPageQuestions,
  searchConcepts,
  type QuestionSearchData,
} from '../../src/lib/search/question-search.ts';

const fixture: QuestionIndex = questionIndexSchema.parse(
  JSON.parse(readFileSync(new URL('../fixtures/search/questions.json', import.meta.url), 'utf8')),
);

/** As the browser gets it: through JSON. */
function searcherFor(index: QuestionIndex) {
  const data = JSON.parse(JSON.stringify(buildQuestionSearchData(index))) as QuestionSearchData;
  return createQuestionSearcher(data);
}

const searcher = searcherFor(fixture);
const urls = (query: string, limit?: number) => searchConcepts(searcher, query, limit).map((m) => m.url);

describe('searchConcepts', () => {
  it('finds the concept whose known question matches, with that question shown', () => {
    const [first] = searchConcepts(searcher, 'how spiky is the traffic at peak');
    expect(first?.url).toBe('/phases/constraints/#scale');
    expect(first?.titlePath).toEqual(['Constraints', 'Scale']);
    expect(first?.questions[0]).toBe('What is the peak QPS, and how spiky is traffic?');
  });

  it('returns one result per concept, listing each matching question once, best first', () => {
    const results = searchConcepts(searcher, 'how much of the p99 budget is left for the model, or can we precompute');
    const latency = results.filter((m) => m.url === '/phases/constraints/#latency-budget');
    expect(latency).toHaveLength(1);
    expect(results[0]?.url).toBe('/phases/constraints/#latency-budget');
    expect(latency[0]?.questions[0]).toMatch(/p99 budget/u);
    expect(new Set(latency[0]?.questions).size).toBe(latency[0]?.questions.length);
  });

  it('lands paraphrases through synonyms and the concept’s heading', () => {
    expect(urls('how fast must it answer?', 1)).toEqual(['/phases/constraints/#latency-budget']);
  });

  it('lands paraphrases through the page’s aliases and keywords', () => {
    expect(urls('I freeze and go silent', 1)).toEqual(['/archetypes/deer-in-headlights/']);
  });

  it('tolerates a typo in a word the index knows', () => {
    expect(urls('latancy', 1)).toEqual(['/phases/constraints/#latency-budget']);
  });

  it('matches other word forms of the same word', () => {
    expect(urls('labelled data', 1)).toEqual(['/phases/constraints/#data-and-labels']);
    expect(urls('retraining', 1)).toEqual(['/phases/closing/']);
  });

  it('scores a concept higher when more of its questions match', () => {
    const concept = (url: string, title: string) => ({
      url,
      titlePath: ['Page', title],
      section: 'phases' as const,
      aliases: [],
      keywords: [],
    });
    const question = (id: string, text: string, url: string) => ({ id, kind: 'question' as const, text, concept: url });
    const index: QuestionIndex = {
      version: 1,
      concepts: [concept('/p/', 'Page'), concept('/p/#one', 'Alpha'), concept('/p/#two', 'Beta')],
      entries: [
        question('a1', 'How are embeddings refreshed?', '/p/#one'),
        question('b1', 'How are embeddings refreshed?', '/p/#two'),
        question('b2', 'Which embeddings are reused elsewhere?', '/p/#two'),
      ],
    };
    const [first, second] = searchConcepts(searcherFor(index), 'embeddings');
    expect(first?.url).toBe('/p/#two');
    expect(first?.questions).toHaveLength(2);
    expect(second?.url).toBe('/p/#one');
    expect(first?.score).toBeGreaterThan(second?.score ?? 0);
  });

  it('returns nothing for an empty query or one made only of stop words', () => {
    expect(searchConcepts(searcher, '')).toEqual([]);
    expect(searchConcepts(searcher, 'what is the')).toEqual([]);
    expect(searchConcepts(searcher, 'zzzzqqq')).toEqual([]);
  });

  it('honours the limit and orders by score', () => {
    const results = searchConcepts(searcher, 'model labels traffic latency', 2);
    expect(results).toHaveLength(2);
    expect(results[0]?.score).toBeGreaterThanOrEqual(results[1]?.score ?? 0);
  });

  it('leaves no state behind between queries', () => {
    const before = searchConcepts(searcher, 'labels');
    searchConcepts(searcher, 'traffic at peak');
    expect(searchConcepts(searcher, 'labels')).toEqual(before);
  });
});

describe('buildQuestionSearchData', () => {
  it('is byte-identical for the same index and keeps its reading order', () => {
    const data = buildQuestionSearchData(fixture);
    expect(JSON.stringify(buildQuestionSearchData(structuredClone(fixture)))).toBe(JSON.stringify(data));
    expect(data.concepts.map((c) => c.url)).toEqual(fixture.concepts.map((c) => c.url));
  });

  it('refuses a question that points to a concept the index does not list', () => {
    const broken: QuestionIndex = {
      ...fixture,
      entries: [{ id: 'x', kind: 'question', text: 'Orphan?', concept: '/nowhere/' }],
    };
    expect(() => buildQuestionSearchData(broken)).toThrow(/unknown concept \/nowhere\//u);
  });

  it('ships the questions as shown, not the answers', () => {
    const json = JSON.stringify(buildQuestionSearchData(fixture));
    expect(json).toContain('What is the peak QPS, and how spiky is traffic?');
    expect(json).not.toContain('Tail latency, not the mean');
  });

  it('rejects a payload of another version', () => {
    const data = { ...buildQuestionSearchData(fixture), version: 2 } as unknown as QuestionSearchData;
    expect(() => createQuestionSearcher(data)).toThrow(/version 2/u);
  });
});

describe('listPageQuestions', () => {
  it('lists every question leading to a page, by concept in reading order', () => {
    const listed = listPageQuestions(searcher, '/phases/constraints/');
    expect(listed.map((m) => m.url)).toEqual([
      '/phases/constraints/#latency-budget',
      '/phases/constraints/#scale',
      '/phases/constraints/#data-and-labels',
    ]);
    expect(listed[0]?.questions).toHaveLength(3);
    expect(listed[2]?.questions).toContain('How late do labels arrive after the prediction?');
  });

  it('includes questions on the page itself and ignores the anchor it is given', () => {
    expect(listPageQuestions(searcher, '/phases/closing/#monitoring').map((m) => m.url)).toEqual([
      '/phases/closing/',
      '/phases/closing/#monitoring',
    ]);
  });

  it('does not mix up pages that share a prefix', () => {
    expect(listPageQuestions(searcher, '/phases/')).toEqual([]);
    expect(listPageQuestions(searcher, '/nowhere/')).toEqual([]);
  });
});
