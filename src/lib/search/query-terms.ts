/**
 * Words → search terms, shared by the index builder and the query side so both
 * agree on every term: lower-case, no stop words, a light suffix stemmer, and a
 * small thesaurus of ML-interview vocabulary so that a question asked in
 * everyday words ("how fast must it answer?") reaches the guides' terms
 * ("latency budget").
 */

const STOP_WORDS = new Set(
  (
    'a about after again all also am an and any are as at be because been before being but by can could ' +
    'did do does doing done for from get gets got had has have having he her here him his how i if in into ' +
    'is it its just me more most my no not now of off on once one only or other our out over own please ' +
    'same she should so some such than that the their them then there these they this those through to ' +
    'too under until up us very was we were what when where which while who whom why will with would ' +
    'you your yours ll ve re s t d m i’d i’m don’t can’t’ ok let lets say tell thing things way much many ' +
    'must might may shall ought'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}]+(?:[’'][\p{L}]+)?/gu;

/**
 * A deliberately small suffix stemmer: enough to make "labels", "labelled" and
 * "labeling" one term, without the over-merging of a full Porter stemmer on
 * short technical words ("bias", "gas" stay as they are).
 */
export function stem(word: string): string {
  let w = word.replace(/[’']s$/u, '');
  if (w.length <= 3) return w;
  if (/[^aeiou]ies$/u.test(w)) w = `${w.slice(0, -3)}y`;
  else if (/[^aeiou]ied$/u.test(w)) w = `${w.slice(0, -3)}y`;
  else if (/(?:ches|shes|xes|sses)$/u.test(w)) w = w.slice(0, -2);
  else if (/[^isu]s$/u.test(w) && !/(?:ias|vas|las)$/u.test(w)) w = w.slice(0, -1);
  if (w.length > 5) w = w.replace(/(?:ing|ed|ly)$/u, '');
  // labelled → labell → label
  if (w.length > 4 && /([bdglmnprt])\1$/u.test(w)) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Topic terms of a text, stemmed, in order (duplicates kept: they count as term frequency). */
export function toTerms(text: string): string[] {
  const words = text.toLowerCase().match(WORD) ?? [];
  const terms: string[] = [];
  for (const word of words) {
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    terms.push(stem(word));
  }
  return terms;
}

/**
 * Groups of words that mean the same thing in an ML system design interview.
 * A query word from a group also searches for the rest of its group at a
 * lower weight; the guides' own wording stays the strongest signal.
 */
const THESAURUS: string[][] = [
  ['latency', 'fast', 'slow', 'speed', 'quick', 'millisecond', 'ms', 'p99', 'respond', 'response', 'timeout'],
  ['scale', 'traffic', 'qps', 'load', 'peak', 'busiest', 'throughput', 'volume', 'requests', 'rps'],
  ['label', 'annotation', 'annotate', 'ground', 'truth', 'outcome'],
  ['batch', 'offline', 'precompute', 'nightly', 'daily', 'scheduled'],
  ['online', 'realtime', 'live'],
  ['privacy', 'legal', 'law', 'regulation', 'regulatory', 'compliance', 'gdpr', 'explainability'],
  ['metric', 'kpi', 'measure', 'success', 'goal'],
  ['business', 'revenue', 'money', 'profit', 'company'],
  ['stakeholder', 'team', 'owner', 'conflict'],
  ['monitor', 'alert', 'observability', 'dashboard', 'notice', 'detect', 'drift'],
  ['retrain', 'refresh', 'lifecycle', 'redeploy', 'rollout', 'release', 'deploy', 'ship'],
  ['fallback', 'down', 'outage', 'crash', 'unavailable', 'broken', 'fail'],
  ['baseline', 'simple', 'simplest', 'heuristic', 'rule'],
  ['mistake', 'error', 'false', 'miss', 'wrong'],
  ['freeze', 'blank', 'stuck', 'silent', 'silence'],
  ['senior', 'l5', 'staff', 'l6', 'level', 'leveling', 'junior', 'l4'],
  ['grade', 'rubric', 'score', 'evaluate', 'hire', 'verdict', 'conclude'],
  ['calibration', 'calibrate', 'probability'],
  ['imbalance', 'rare', 'downsample', 'reweight', 'weight'],
  ['research', 'sota', 'paper', 'latest', 'newest', 'novel', 'transformer'],
  ['gpu', 'cuda', 'kernel', 'quantization', 'hardware'],
  ['llm', 'gpt', 'language'],
  ['cache', 'memoize'],
  ['practice', 'drill', 'rehearse', 'aloud', 'loud'],
  ['sync', 'export', 'import', 'device', 'phone', 'laptop', 'progress'],
  ['eta', 'arrival', 'delivery'],
  ['fraud', 'chargeback', 'scam'],
  ['pushback', 'challenge', 'disagree', 'push'],
  ['time', 'minute', 'clock', 'pacing'],
];

const SYNONYM_WEIGHT = 0.4;

const synonyms: Map<string, string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const group of THESAURUS) {
    const stems = [...new Set(group.map(stem))];
    for (const s of stems) map.set(s, [...(map.get(s) ?? []), ...stems.filter((other) => other !== s)]);
  }
  return map;
})();

export interface WeightedTerm {
  term: string;
  /** 1 for a word the user typed, less for a thesaurus expansion. */
  weight: number;
  /** Typed by the user (worth a fuzzy lookup when the index lacks it), not a synonym. */
  typed: boolean;
}

/** The terms a query searches for: its own words first, then their synonyms. */
export function expandQuery(query: string): WeightedTerm[] {
  const own = [...new Set(toTerms(query))];
  const weighted: WeightedTerm[] = own.map((term) => ({ term, weight: 1, typed: true }));
  const seen = new Set(own);
  for (const term of own) {
    for (const synonym of synonyms.get(term) ?? []) {
      if (seen.has(synonym)) continue;
      seen.add(synonym);
      weighted.push({ term: synonym, weight: SYNONYM_WEIGHT, typed: false });
    }
  }
  return weighted;
}
