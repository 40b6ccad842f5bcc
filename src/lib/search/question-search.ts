// The basic build: the same fuzzy matching without extended and logical queries, which this never uses.
import Fuse, { type IFuseOptions } from 'fuse.js/basic';
import type { Concept, QuestionIndex } from '../deck-schema.ts';
import { expandQuery, toTerms } from './query-terms.ts';
import { compareCodeUnits } from '../compare.ts';
import { conceptWithin } from '../concepts.ts';

/**
 * Question → concept search. The build turns questions.json into a
 * {@link QuestionSearchData} payload; the browser, the tests and the benchmark
 * load it with {@link createQuestionSearcher} and rank concepts with
 * {@link searchConcepts}. Nothing here touches the DOM.
 *
 * Ranking is BM25 over precomputed postings (a lookup per query term, so a
 * query costs microseconds), with fuse.js supplying fuzzy matches for words the
 * index does not contain (typos, other word forms) from a prebuilt Fuse index of
 * the vocabulary. Two kinds of documents are scored: each known question, and
 * each concept's own names (heading, page title, aliases, keywords).
 */

export const QUESTION_SEARCH_VERSION = 1;

/** What a result links to. */
export interface SearchConcept {
  /** Site-relative concept URL (no base path). */
  url: string;
  titlePath: string[];
}

export interface SearchQuestion {
  /** Index into {@link QuestionSearchData.concepts}. */
  c: number;
  /** The question as shown in results. */
  q: string;
}

type SerializedFuseIndex = ReturnType<ReturnType<typeof Fuse.createIndex<string>>['toJSON']>;

/** The payload served at /questions/search-index.json. */
export interface QuestionSearchData {
  version: typeof QUESTION_SEARCH_VERSION;
  concepts: SearchConcept[];
  questions: SearchQuestion[];
  /** Vocabulary: every stemmed term in the index, sorted. */
  terms: string[];
  /**
   * Per term (aligned with `terms`), flat pairs of document and BM25 weight × 100,
   * documents in ascending order, each stored as the gap from the previous one (small
   * numbers keep the JSON small). Documents `0…concepts.length-1` are the concepts'
   * own names; the rest are questions, offset by `concepts.length`.
   */
  postings: number[][];
  /**
   * Prebuilt Fuse indexes of the vocabulary for words it does not contain (typos,
   * other word forms): one per first letter and length, each a contiguous run of
   * `terms` starting at `from`. Fuse compares a word with one term in microseconds,
   * so a lookup searches only the runs of the same first letter and a similar
   * length; it gives up typos in a word's first letter.
   */
  fuzzy: { from: number; index: SerializedFuseIndex }[];
}

export interface ConceptMatch {
  url: string;
  titlePath: string[];
  /** Higher is better; only comparable within one query. */
  score: number;
  /** Known questions under this concept that matched, best first. */
  questions: string[];
}

export interface QuestionSearcher {
  concepts: SearchConcept[];
  questions: SearchQuestion[];
  termIds: Map<string, number>;
  postings: number[][];
  /** Fuzzy lookup runs by {@link bucketKey}. */
  fuzzy: Map<string, { from: number; fuse: Fuse<string> }>;
  /** Scratch buffer, one slot per document, reused across queries. */
  scores: Float64Array;
}

/** Field weights. Question wording and headings name a concept best; page-wide aliases are broad; answers are long. */
const WEIGHTS = {
  question: 1,
  detail: 0.35,
  heading: 1,
  pageTitle: 0.5,
  namesOnPage: 0.8,
  namesOnSection: 0.2,
};
/** BM25 saturation and length normalisation; short documents, so a mild length penalty. */
const K1 = 1.2;
const B = 0.5;
/** Postings are stored as integers to keep the JSON small. */
const WEIGHT_SCALE = 100;

/** How much a concept's own names count next to its best question. */
const NAMES_SHARE = 0.8;
/** Each further matching question adds this share of its score to its concept… */
const SUPPORT_SHARE = 0.25;
/** …for at most this many, so a crowded section cannot win on volume alone. */
const MAX_SUPPORT = 3;
/** Questions shown per concept. */
const SHOWN_QUESTIONS = 3;

const FUZZY_OPTIONS: IFuseOptions<string> = {
  includeScore: true,
  // One typo in a short word, two in a long one; nothing looser.
  threshold: 0.25,
  minMatchCharLength: 3,
};
/** Fuzzy vocabulary matches used per unknown word. */
const FUZZY_LIMIT = 3;
/** Shorter words are too ambiguous to correct. */
const FUZZY_MIN_LENGTH = 4;
/** A misspelt word is at most this many letters longer or shorter than the right one. */
const FUZZY_LENGTH_SPREAD = 2;

type WeightedText = [text: string, weight: number][];

/** Builds the search payload from the deck builder's question index (build time). */
export function buildQuestionSearchData(questionIndex: QuestionIndex): QuestionSearchData {
  // The deck builder lists concepts in reading order, which listings of a page's questions keep.
  const orderedConcepts = questionIndex.concepts;
  const conceptIds = new Map(orderedConcepts.map((concept, i) => [concept.url, i]));
  const concepts = orderedConcepts.map(({ url, titlePath }) => ({ url, titlePath }));

  const namesOf = (concept: Concept) => [...concept.aliases, ...concept.keywords].join(' ');
  const pages = new Map(orderedConcepts.filter((concept) => !concept.url.includes('#')).map((p) => [p.url, p]));
  const documents: WeightedText[] = orderedConcepts.map((concept) => {
    const [pageTitle = '', ...headings] = concept.titlePath;
    if (!concept.url.includes('#')) {
      return [
        [pageTitle, WEIGHTS.heading],
        [namesOf(concept), WEIGHTS.namesOnPage],
      ];
    }
    // A section inherits its page's aliases and keywords, weakly: they place it on the right page.
    const page = pages.get(concept.url.slice(0, concept.url.indexOf('#')));
    return [
      [headings.join(' '), WEIGHTS.heading],
      [pageTitle, WEIGHTS.pageTitle],
      [namesOf(concept), WEIGHTS.namesOnPage],
      [page ? namesOf(page) : '', WEIGHTS.namesOnSection],
    ];
  });

  const questions: SearchQuestion[] = [];
  for (const entry of questionIndex.entries) {
    const c = conceptIds.get(entry.concept);
    if (c === undefined) throw new Error(`Question "${entry.id}" points to unknown concept ${entry.concept}`);
    questions.push({ c, q: entry.text });
    documents.push([
      [entry.text, WEIGHTS.question],
      [entry.detail ?? '', WEIGHTS.detail],
    ]);
  }

  const { terms, postings } = computePostings(documents, concepts.length);
  const fuzzy: QuestionSearchData['fuzzy'] = [];
  for (let from = 0; from < terms.length;) {
    const key = bucketKey(terms[from] ?? '');
    let to = from;
    while (to < terms.length && bucketKey(terms[to] ?? '') === key) to++;
    fuzzy.push({ from, index: Fuse.createIndex<string>([], terms.slice(from, to)).toJSON() });
    from = to;
  }
  return { version: QUESTION_SEARCH_VERSION, concepts, questions, terms, postings, fuzzy };
}

/** BM25 weight of every term in every document, idf included, so a query only adds numbers up. */
function computePostings(documents: WeightedText[], conceptCount: number) {
  const frequencies: Map<string, number>[] = [];
  const lengths: number[] = [];
  const documentFrequency = new Map<string, number>();
  for (const fields of documents) {
    const tf = new Map<string, number>();
    let length = 0;
    for (const [text, weight] of fields) {
      for (const term of toTerms(text)) {
        tf.set(term, (tf.get(term) ?? 0) + weight);
        length += weight;
      }
    }
    for (const term of tf.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    frequencies.push(tf);
    lengths.push(length);
  }
  // Names and questions differ in length by nature: normalise each kind against its own average.
  const average = (from: number, to: number) =>
    lengths.slice(from, to).reduce((sum, l) => sum + l, 0) / Math.max(1, to - from);
  const averageName = average(0, conceptCount);
  const averageQuestion = average(conceptCount, documents.length);

  // Ordered so that each fuzzy lookup bucket is one contiguous run.
  const terms = [...documentFrequency.keys()].sort(
    (a, b) => compareCodeUnits(bucketKey(a), bucketKey(b)) || compareCodeUnits(a, b),
  );
  const termIds = new Map(terms.map((term, i) => [term, i]));
  const postings: number[][] = terms.map(() => []);
  const n = documents.length;
  const previous = terms.map(() => 0);
  frequencies.forEach((tf, doc) => {
    const norm = (lengths[doc] ?? 0) / (doc < conceptCount ? averageName : averageQuestion);
    for (const [term, frequency] of tf) {
      const df = documentFrequency.get(term) ?? 0;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const weight = (idf * frequency * (K1 + 1)) / (frequency + K1 * (1 - B + B * norm));
      const scaled = Math.round(weight * WEIGHT_SCALE);
      const id = termIds.get(term) ?? 0;
      if (scaled === 0) continue;
      postings[id]?.push(doc - (previous[id] ?? 0), scaled);
      previous[id] = doc;
    }
  });
  return { terms, postings };
}

/** Loads a payload built by {@link buildQuestionSearchData} (browser, tests, benchmark). */
export function createQuestionSearcher(data: QuestionSearchData): QuestionSearcher {
  if (data.version !== QUESTION_SEARCH_VERSION) throw new Error(`Unsupported question index version ${data.version}`);
  return {
    concepts: data.concepts,
    questions: data.questions,
    termIds: new Map(data.terms.map((term, i) => [term, i])),
    postings: data.postings,
    fuzzy: new Map(
      data.fuzzy.map(({ from, index }, i) => {
        const to = data.fuzzy[i + 1]?.from ?? data.terms.length;
        const fuse = new Fuse(data.terms.slice(from, to), FUZZY_OPTIONS, Fuse.parseIndex<string>(index));
        return [bucketKey(data.terms[from] ?? ''), { from, fuse }];
      }),
    ),
    scores: new Float64Array(data.concepts.length + data.questions.length),
  };
}

/**
 * Ranks concepts for a free-text question: best first, one entry per concept,
 * scored by its best matching question plus its own names, plus a capped bonus
 * for further matching questions.
 */
export function searchConcepts(searcher: QuestionSearcher, query: string, limit = 8): ConceptMatch[] {
  const { concepts, questions, scores } = searcher;
  const touched: number[] = [];
  for (const { term, weight, typed } of expandQuery(query)) {
    const exact = searcher.termIds.get(term);
    if (exact !== undefined) {
      addPostings(searcher, exact, weight, touched);
    } else if (typed && term.length >= FUZZY_MIN_LENGTH) {
      addFuzzyMatches(searcher, term, weight, touched);
    }
  }

  // Best documents first, so each concept meets its best question first.
  touched.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
  const conceptCount = concepts.length;
  const groups = new Map<number, { score: number; supporters: number; questions: string[] }>();
  for (const doc of touched) {
    const score = scores[doc] ?? 0;
    const isName = doc < conceptCount;
    const question = isName ? undefined : questions[doc - conceptCount];
    const c = question ? question.c : doc;
    let group = groups.get(c);
    if (!group) {
      group = { score: 0, supporters: -1, questions: [] };
      groups.set(c, group);
    }
    if (isName) {
      group.score += NAMES_SHARE * score;
    } else if (group.supporters < MAX_SUPPORT) {
      // The first (best) question counts in full, the next few as support.
      group.score += group.supporters < 0 ? score : SUPPORT_SHARE * score;
      group.supporters++;
    }
    if (question && group.questions.length < SHOWN_QUESTIONS) group.questions.push(question.q);
  }
  for (const doc of touched) scores[doc] = 0;

  const ranked: ConceptMatch[] = [];
  for (const [c, group] of groups) {
    const concept = concepts[c];
    if (concept) ranked.push({ ...concept, score: group.score, questions: group.questions });
  }
  ranked.sort((a, b) => b.score - a.score || compareCodeUnits(a.url, b.url));
  return ranked.slice(0, limit);
}

/** Adds the postings of the vocabulary terms closest to a word the vocabulary lacks. */
function addFuzzyMatches(searcher: QuestionSearcher, word: string, weight: number, touched: number[]): void {
  const hits: { termId: number; score: number }[] = [];
  for (let length = word.length - FUZZY_LENGTH_SPREAD; length <= word.length + FUZZY_LENGTH_SPREAD; length++) {
    const bucket = searcher.fuzzy.get(bucketKey(word, length));
    if (!bucket) continue;
    for (const hit of bucket.fuse.search(word, { limit: FUZZY_LIMIT })) {
      hits.push({ termId: bucket.from + hit.refIndex, score: hit.score ?? 1 });
    }
  }
  hits.sort((a, b) => a.score - b.score || a.termId - b.termId);
  for (const { termId, score } of hits.slice(0, FUZZY_LIMIT))
    addPostings(searcher, termId, weight * (1 - score), touched);
}

/** Fuzzy lookup bucket of a term: its first letter and its length. */
function bucketKey(term: string, length = term.length): string {
  return `${term[0] ?? ''}${length}`;
}

function addPostings(searcher: QuestionSearcher, termId: number, weight: number, touched: number[]): void {
  const list = searcher.postings[termId];
  if (!list) return;
  const { scores } = searcher;
  let doc = 0;
  for (let i = 0; i < list.length; i += 2) {
    doc += list[i] ?? 0;
    if (scores[doc] === 0) touched.push(doc);
    scores[doc] = (scores[doc] ?? 0) + (weight * (list[i + 1] ?? 0)) / WEIGHT_SCALE;
  }
}

/**
 * Every known question that leads to a page, grouped by the page's concepts in
 * reading order: the other direction of the search, concept → questions.
 */
export function listPageQuestions(searcher: QuestionSearcher, pageUrl: string): ConceptMatch[] {
  const page = pageUrl.split('#')[0] ?? pageUrl;
  const byConcept = new Map<number, string[]>();
  for (const { c, q } of searcher.questions) {
    const url = searcher.concepts[c]?.url ?? '';
    if (!conceptWithin(url, page)) continue;
    byConcept.set(c, [...(byConcept.get(c) ?? []), q]);
  }
  return [...byConcept.keys()]
    .sort((a, b) => a - b)
    .flatMap((c) => {
      const concept = searcher.concepts[c];
      return concept ? [{ ...concept, score: 0, questions: byConcept.get(c) ?? [] }] : [];
    });
}
