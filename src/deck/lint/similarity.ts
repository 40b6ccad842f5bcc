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

/**
 * Every pair of texts whose similarity is at least `threshold`, best first.
 * Texts with fewer than `minStems` content stems are skipped: "Why?" matches
 * anything. Exact: each text's dot products with every later text that shares
 * a term are summed in one dense array (an inverted index, as search engines
 * score), so 10,000 notes take about a second, not a minute of map lookups.
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
  return pairs.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
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
