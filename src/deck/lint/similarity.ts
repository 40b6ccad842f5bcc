import { contentStems } from './words.ts';

/**
 * Text similarity for near-duplicate cards: cosine similarity of TF-IDF
 * vectors over content-word stems and their adjacent pairs.
 *
 * Why this measure: card texts are short (5–30 words), so pure word shingles
 * (pairs, triples) rarely overlap between two phrasings of one question, while
 * single stems do; stems ("labels"/"labelled") make paraphrases meet; adjacent
 * stem pairs reward shared phrasing over a shared bag of words; inverse document
 * frequency over the whole deck keeps words every card uses ("model",
 * "interview") from making unrelated cards look alike; cosine, unlike Jaccard,
 * takes those weights and tolerates one text being longer than the other.
 */

export interface SimilarPair {
  /** Indexes into the texts given, `a < b`. */
  a: number;
  b: number;
  score: number;
}

/** Terms of one text with their counts: stems, and `stem stem` for each adjacent pair. */
export function termsOf(text: string): Map<string, number> {
  const stems = contentStems(text);
  const terms = new Map<string, number>();
  const add = (term: string): void => {
    terms.set(term, (terms.get(term) ?? 0) + 1);
  };
  stems.forEach((s, i) => {
    add(s);
    const next = stems[i + 1];
    if (next !== undefined) add(`${s} ${next}`);
  });
  return terms;
}

/** A text's unit-length TF-IDF vector: term ids (in the text's own term order) and weights. */
interface Vector {
  terms: number[];
  weights: number[];
}

/**
 * Every pair of texts whose similarity is at least `threshold`, best first.
 * Texts with fewer than `minStems` content stems are skipped: "Why?" matches
 * anything. Exact: each text's dot products with every later text that shares
 * a term are summed in one dense array (an inverted index, as search engines
 * score), so 10,000 notes take about a second, not a minute of map lookups.
 *
 * Not sub-quadratic when most texts share common terms (the benchmark's
 * synthetic guides draw from about 150 words): prefix filtering (Bayardo et al.,
 * 2007), which leaves each text's common-term run out of the index, was tried
 * and measured slower here (22 s against 8 s for 23,000 such texts), because
 * with so small a vocabulary nearly every pair still shares an indexed term.
 */
export function findSimilarPairs(
  texts: readonly string[],
  options: { threshold: number; minStems: number },
): SimilarPair[] {
  const termLists = texts.map(termsOf);
  const documentFrequency = new Map<string, number>();
  for (const terms of termLists) {
    for (const term of terms.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const n = texts.length;
  const termIds = new Map<string, number>();
  const postingDocs: number[][] = [];
  const postingWeights: number[][] = [];
  const vectors: { term: number; weight: number }[][] = termLists.map((terms, doc) => {
    const stems = [...terms.keys()].filter((t) => !t.includes(' ')).length;
    if (stems < options.minStems) return [];
    const vector = [...weigh(terms, documentFrequency, n)].map(([term, weight]) => {
      let id = termIds.get(term);
      if (id === undefined) {
        id = postingDocs.length;
        termIds.set(term, id);
        postingDocs.push([]);
        postingWeights.push([]);
      }
      postingDocs[id]?.push(doc);
      postingWeights[id]?.push(weight);
      return { term: id, weight };
    });
    return vector;
  });

  const pairs: SimilarPair[] = [];
  const dots = new Float64Array(n);
  const touched: number[] = [];
  vectors.forEach((vector, a) => {
    for (const { term, weight } of vector) {
      const docs = postingDocs[term] ?? [];
      const weights = postingWeights[term] ?? [];
      // Postings are in document order: walk back from the end to the first document after `a`.
      for (let k = docs.length - 1; k >= 0; k--) {
        const b = docs[k] ?? 0;
        if (b <= a) break;
        if (dots[b] === 0) touched.push(b);
        dots[b] = (dots[b] ?? 0) + weight * (weights[k] ?? 0);
      }
    }
    for (const b of touched) {
      const score = dots[b] ?? 0;
      if (score >= options.threshold) pairs.push({ a, b, score });
      dots[b] = 0;
    }
    touched.length = 0;
  });
  return sortPairs(pairs);
}

/**
 * The same pairs by scoring every pair, the obvious way: the reference the
 * indexed search is tested against on the real deck
 * (tests/unit/deck-lint-similarity.test.ts).
 */
export function findSimilarPairsExhaustive(
  texts: readonly string[],
  options: { threshold: number; minStems: number },
): SimilarPair[] {
  const vectors = vectorsOf(texts, options.minStems);
  const weightOf = vectors.list.map((v) => new Map(v.terms.map((t, i) => [t, v.weights[i] ?? 0])));
  const pairs: SimilarPair[] = [];
  vectors.list.forEach((va, a) => {
    for (let b = a + 1; b < texts.length; b++) {
      const score = dot(va, weightOf[b]);
      if (score > 0 && score >= options.threshold) pairs.push({ a, b, score });
    }
  });
  return sortPairs(pairs);
}

/**
 * Cosine of any two of `texts`, weighted over all of them (the same IDF the pair
 * search uses), for the few pairs a rule asks about; 0 when either text has fewer
 * than `minStems` stems.
 */
export function pairScorer(texts: readonly string[], minStems: number): (a: number, b: number) => number {
  const vectors = vectorsOf(texts, minStems);
  const weightOf = vectors.list.map((v) => new Map(v.terms.map((t, i) => [t, v.weights[i] ?? 0])));
  return (a, b) => {
    const va = vectors.list[a];
    return va ? dot(va, weightOf[b]) : 0;
  };
}

/** Dot product, summed in `a`'s term order (so every search adds in the same order). */
function dot(a: Vector, b: ReadonlyMap<number, number> | undefined): number {
  if (!b || b.size === 0) return 0;
  let score = 0;
  for (let i = 0; i < a.terms.length; i++) {
    const w = b.get(a.terms[i] ?? -1);
    if (w !== undefined) score += (a.weights[i] ?? 0) * w;
  }
  return score;
}

function sortPairs(pairs: SimilarPair[]): SimilarPair[] {
  return pairs.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
}

/** Every text's vector over shared term ids; a text with too few stems gets an empty one. */
function vectorsOf(texts: readonly string[], minStems: number): { list: Vector[]; termCount: number } {
  const termLists = texts.map(termsOf);
  const documentFrequency = new Map<string, number>();
  for (const terms of termLists) {
    for (const term of terms.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const termIds = new Map<string, number>();
  const list = termLists.map((terms): Vector => {
    const stems = [...terms.keys()].filter((t) => !t.includes(' ')).length;
    if (stems < minStems) return { terms: [], weights: [] };
    const vector: Vector = { terms: [], weights: [] };
    for (const [term, weight] of weigh(terms, documentFrequency, texts.length)) {
      let id = termIds.get(term);
      if (id === undefined) {
        id = termIds.size;
        termIds.set(term, id);
      }
      vector.terms.push(id);
      vector.weights.push(weight);
    }
    return vector;
  });
  return { list, termCount: termIds.size };
}

/** Unit-length TF-IDF vector; smoothed IDF so a term in every text still counts a little. */
function weigh(
  terms: ReadonlyMap<string, number>,
  documentFrequency: ReadonlyMap<string, number>,
  n: number,
): Map<string, number> {
  const vector = new Map<string, number>();
  let norm = 0;
  for (const [term, count] of terms) {
    const idf = Math.log((1 + n) / (1 + (documentFrequency.get(term) ?? 0))) + 1;
    const weight = (1 + Math.log(count)) * idf;
    vector.set(term, weight);
    norm += weight * weight;
  }
  const length = Math.sqrt(norm);
  if (length > 0) for (const [term, weight] of vector) vector.set(term, weight / length);
  return vector;
}
