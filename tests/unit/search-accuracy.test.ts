import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildDeckFromDir } from '../../src/deck/index.ts';
import { conceptUrlSchema } from '../../src/lib/deck-schema.ts';
import {
  buildQuestionSearchData,
  createQuestionSearcher,
  searchConcepts,
  type QuestionSearchData,
} from '../../src/lib/search/question-search.ts';

/**
 * Quality of question search on the real content: paraphrased questions that are
 * not in the index must find the concept that answers them in the top 3.
 * The index is the one the build publishes as questions.json (same in-process deck build).
 */

const MIN_TOP3_ACCURACY = 0.9;

/** One file per batch of held-out paraphrases: a batch is written once and never tuned on afterwards. */
const batchSchema = z.strictObject({
  about: z.string(),
  cases: z.array(z.strictObject({ query: z.string().min(1), concept: conceptUrlSchema })).min(8),
});
const batchDir = new URL('../fixtures/search/paraphrases/', import.meta.url);
const cases = readdirSync(batchDir)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .flatMap((name) => batchSchema.parse(JSON.parse(readFileSync(new URL(name, batchDir), 'utf8'))).cases);

const built = buildDeckFromDir('content');
if (!built.ok) throw new Error(`the real content is invalid: ${JSON.stringify(built.problems.slice(0, 3))}`);
const { questionIndex } = built.build;
const searcher = createQuestionSearcher(
  JSON.parse(JSON.stringify(buildQuestionSearchData(questionIndex))) as QuestionSearchData,
);

/** A page URL accepts any of its sections; a section URL only itself. */
const finds = (expected: string, url: string) =>
  expected.includes('#') ? url === expected : url === expected || url.startsWith(`${expected}#`);

const normalize = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

describe('question search on the real content', () => {
  it('is measured with paraphrases that target existing concepts and are not in the index', () => {
    const urls = questionIndex.concepts.map((c) => c.url);
    const known = new Set(questionIndex.entries.map((e) => normalize(e.text)));
    for (const { query, concept } of cases) {
      expect(
        urls.some((url) => finds(concept, url)),
        `${concept} (for “${query}”) is not a concept of the content`,
      ).toBe(true);
      expect(known.has(normalize(query)), `“${query}” is a question of the index, not a paraphrase`).toBe(false);
    }
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => normalize(c.query))).size).toBe(cases.length);
  });

  it(`finds the answering concept in the top 3 for at least ${MIN_TOP3_ACCURACY * 100}% of paraphrases`, () => {
    const misses: string[] = [];
    let top1 = 0;
    for (const { query, concept } of cases) {
      const results = searchConcepts(searcher, query, 3).map((m) => m.url);
      if (results[0] && finds(concept, results[0])) top1++;
      if (!results.some((url) => finds(concept, url)))
        misses.push(`  “${query}” → ${concept}; got ${results.join(', ')}`);
    }
    const top3 = (cases.length - misses.length) / cases.length;
    console.log(
      `question search: top-3 accuracy ${(top3 * 100).toFixed(1)}% (${cases.length - misses.length}/${cases.length}), ` +
        `top-1 ${((top1 / cases.length) * 100).toFixed(1)}%, over ${questionIndex.entries.length} questions` +
        (misses.length > 0 ? `\nmisses:\n${misses.join('\n')}` : ''),
    );
    expect(top3).toBeGreaterThanOrEqual(MIN_TOP3_ACCURACY);
  });
});
