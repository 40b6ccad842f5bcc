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
 * anything.
 *
 * Exact, and sub-quadratic by prefix filtering (Bayardo, Ma and Srikant, "Scaling
 * up all pairs similarity search", 2007): order every text's terms from the most
 * common in the corpus to the rarest, and leave out of the index its longest run
 * of common terms whose weights have a norm below `threshold`. By Cauchy–Schwarz
 * those terms alone add less than `threshold` to any dot product (the other
 * vector has length 1), so two texts that reach it share a term outside both
 * runs: only texts sharing an indexed term are scored. A term that most texts use
 * weighs little (IDF) and stays out of the index, so its huge posting list is
 * never walked. Each candidate is then scored exactly, summing in the same order
 * as the exhaustive search, so both give the same scores to the last bit.
 */
export function findSimilarPairs(
  texts: readonly string[],
  options: { threshold: number; minStems: number },
): SimilarPair[] {
  const vectors = vectorsOf(texts, options.minStems);
  const termCount = vectors.termCount;
  // Global order: a term's rank is higher the more texts use it; ties by id.
  const frequency = new Int32Array(termCount);
  for (const v of vectors.list) for (const t of v.terms) frequency[t] = (frequency[t] ?? 0) + 1;
  const byRank = Array.from({ length: termCount }, (_, t) => t).sort(
    (x, y) => (frequency[y] ?? 0) - (frequency[x] ?? 0) || x - y,
  );
  const rank = new Int32Array(termCount);
  byRank.forEach((t, r) => {
    rank[t] = r;
  });

  // The indexed terms of each text: all but its longest common-first run of norm < threshold.
  const postings: number[][] = Array.from({ length: termCount }, () => []);
  const indexed: number[][] = vectors.list.map((v, doc) => {
    const order = v.terms.map((_, i) => i).sort((i, j) => (rank[v.terms[i] ?? 0] ?? 0) - (rank[v.terms[j] ?? 0] ?? 0));
    let squares = 0;
    let from = 0;
    while (from < order.length) {
      const w = v.weights[order[from] ?? 0] ?? 0;
      // A hair under the threshold, so rounding in the bound can never drop a pair.
      if (Math.sqrt(squares + w * w) >= options.threshold - 1e-9) break;
      squares += w * w;
      from++;
    }
    const kept = order.slice(from).map((i) => v.terms[i] ?? 0);
    for (const t of kept) postings[t]?.push(doc);
    return kept;
  });

  // Each text's weights by term id, for exact scoring of a candidate.
  const weightOf = vectors.list.map((v) => new Map(v.terms.map((t, i) => [t, v.weights[i] ?? 0])));
  const pairs: SimilarPair[] = [];
  const seen = new Uint8Array(texts.length);
  const candidates: number[] = [];
  indexed.forEach((terms, a) => {
    for (const t of terms) {
      const docs = postings[t] ?? [];
      // Postings are in text order: walk back from the end to the first text after `a`.
      for (let k = docs.length - 1; k >= 0; k--) {
        const b = docs[k] ?? 0;
        if (b <= a) break;
        if (seen[b] === 0) {
          seen[b] = 1;
          candidates.push(b);
        }
      }
    }
    const va = vectors.list[a];
    for (const b of candidates) {
      seen[b] = 0;
      const score = va ? dot(va, weightOf[b]) : 0;
      if (score >= options.threshold) pairs.push({ a, b, score });
    }
    candidates.length = 0;
  });
  return sortPairs(pairs);
}

/**
 * The same pairs by scoring every pair that shares any term: quadratic when
 * common terms are shared by most texts. Kept as the reference the fast search
 * is tested against (tests/unit/deck-lint-similarity.test.ts).
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
