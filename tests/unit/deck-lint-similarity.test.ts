import { describe, expect, it } from 'vitest';
import { buildDeckFromDir } from '../../src/deck/build.ts';
import { lintInputOf } from '../../src/deck/lint/lint-input.ts';
import { LINT_LIMITS, type LintNote } from '../../src/deck/lint/rules.ts';
import { findSimilarPairs, findSimilarPairsExhaustive, termsOf } from '../../src/deck/lint/similarity.ts';
import { contentStems, countWords, stem, wordsOf } from '../../src/deck/lint/words.ts';
import { createRandom, NOUNS, VERBS } from '../../scripts/lib/synthetic-content.ts';

describe('words', () => {
  it('stems inflections together and leaves short tokens alone', () => {
    expect(['labels', 'labelled', 'labeling', 'label'].map(stem)).toEqual(['label', 'label', 'label', 'label']);
    expect(stem('monitoring')).toBe(stem('monitors'));
    expect(stem('latencies')).toBe(stem('latency'));
    expect(['p99', 'qps', 'gbdt'].map(stem)).toEqual(['p99', 'qps', 'gbdt']);
  });

  it('drops stop words and possessives, folds case and accents', () => {
    expect(contentStems('What is the Model’s p99 latency, and why not the mean?')).toEqual([
      'model',
      'p99',
      'latency',
      'mean',
    ]);
    expect(wordsOf('Café-style re-ranking')).toEqual(['cafe', 'style', 're', 'ranking']);
  });

  it('counts words as a reader does', () => {
    expect(countWords('Under 100 ms — at p99, with fallbacks.')).toBe(7);
  });
});

describe('findSimilarPairs', () => {
  /** Cosine of two texts' TF-IDF vectors, the slow obvious way, for checking the indexed one. */
  function bruteForce(texts: string[], threshold: number, minStems: number) {
    const terms = texts.map(termsOf);
    const df = new Map<string, number>();
    for (const t of terms) for (const key of t.keys()) df.set(key, (df.get(key) ?? 0) + 1);
    const vectors = terms.map((t) => {
      const v = new Map(
        [...t].map(([key, count]) => [
          key,
          (1 + Math.log(count)) * (Math.log((1 + texts.length) / (1 + (df.get(key) ?? 0))) + 1),
        ]),
      );
      const norm = Math.sqrt([...v.values()].reduce((s, w) => s + w * w, 0));
      return new Map([...v].map(([key, w]) => [key, w / norm]));
    });
    const stems = terms.map((t) => [...t.keys()].filter((k) => !k.includes(' ')).length);
    const pairs: { a: number; b: number; score: number }[] = [];
    for (let a = 0; a < texts.length; a++) {
      for (let b = a + 1; b < texts.length; b++) {
        if ((stems[a] ?? 0) < minStems || (stems[b] ?? 0) < minStems) continue;
        let score = 0;
        for (const [key, w] of vectors[a] ?? []) score += w * (vectors[b]?.get(key) ?? 0);
        if (score >= threshold) pairs.push({ a, b, score });
      }
    }
    return pairs;
  }

  it('finds exactly the pairs a brute-force cosine finds, on seeded random texts', () => {
    const random = createRandom(7);
    const pick = (list: readonly string[]) => list[Math.floor(random() * list.length)] ?? '';
    const texts = Array.from({ length: 300 }, () =>
      Array.from({ length: 3 + Math.floor(random() * 8) }, () => pick(random() < 0.8 ? NOUNS : VERBS)).join(' '),
    );
    const sorted = (pairs: { a: number; b: number; score: number }[]) =>
      pairs.map((p) => `${p.a}-${p.b}:${p.score.toFixed(9)}`).sort();
    const fast = findSimilarPairs(texts, { threshold: 0.2, minStems: 3 });
    expect(fast.length).toBeGreaterThan(10);
    expect(sorted(fast)).toEqual(sorted(bruteForce(texts, 0.2, 3)));
  });

  it('ranks a paraphrase above a text on another topic, and skips texts too short to judge', () => {
    const texts = [
      'Why ask for the p99 latency budget rather than the average?',
      'Why ask about the p99 latency budget and not the mean latency?',
      'Which labels arrive late in fraud detection?',
      'Why not?',
    ];
    const pairs = findSimilarPairs(texts, { threshold: 0, minStems: 3 });
    expect(pairs[0]).toMatchObject({ a: 0, b: 1 });
    expect(pairs.every((p) => p.a !== 3 && p.b !== 3)).toBe(true);
    expect(pairs.find((p) => p.a === 0 && p.b === 2)?.score ?? 0).toBeLessThan(pairs[0]?.score ?? 0);
  });
});

describe('the indexed pair search against the exhaustive one', () => {
  const sorted = (pairs: { a: number; b: number; score: number }[]) =>
    pairs.map((p) => `${p.a}-${p.b}:${p.score}`).sort();
  const options = { threshold: LINT_LIMITS.similar.support, minStems: LINT_LIMITS.minStems };

  it('finds the same pairs with the same scores on the real deck, fronts and answers', { timeout: 120_000 }, () => {
    const result = buildDeckFromDir('content');
    if (!result.ok) throw new Error('content/ should build');
    const notes = result.build.notes.flatMap(({ note, page }) => lintInputOf(note, page.file) ?? []);
    expect(notes.length).toBeGreaterThan(300);
    for (const side of [
      (n: LintNote) => n.front,
      (n: LintNote) => n.answer,
      (n: LintNote) => `${n.front} ${n.answer}`,
    ]) {
      const texts = notes.map(side);
      const fast = findSimilarPairs(texts, options);
      expect(sorted(fast)).toEqual(sorted(findSimilarPairsExhaustive(texts, options)));
      // Low thresholds too, where prefix filtering prunes least.
      for (const threshold of [0.1, 0.2]) {
        expect(sorted(findSimilarPairs(texts, { ...options, threshold }))).toEqual(
          sorted(findSimilarPairsExhaustive(texts, { ...options, threshold })),
        );
      }
    }
  });

  it('finds the same pairs on synthetic guides, whose small vocabulary makes every text share common terms', () => {
    const random = createRandom(11);
    const pick = (list: readonly string[]) => list[Math.floor(random() * list.length)] ?? '';
    // Near-copies as well as random texts, so there are pairs above every threshold.
    const base = Array.from({ length: 600 }, () =>
      Array.from({ length: 4 + Math.floor(random() * 10) }, () => pick(random() < 0.7 ? NOUNS : VERBS)).join(' '),
    );
    const texts = [...base, ...base.slice(0, 100).map((t) => `${t} ${pick(NOUNS)}`)];
    for (const threshold of [0.3, 0.4, 0.6]) {
      const fast = findSimilarPairs(texts, { ...options, threshold });
      expect(fast.length).toBeGreaterThan(50);
      expect(sorted(fast)).toEqual(sorted(findSimilarPairsExhaustive(texts, { ...options, threshold })));
    }
  });
});
