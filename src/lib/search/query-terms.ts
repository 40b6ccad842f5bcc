import { isStopWord, stem } from '../text/words.ts';

/**
 * Words → search terms, shared by the index builder and the query side so both
 * agree on every term: lower-case, no stop words, a light suffix stemmer (all
 * three from src/lib/text/words.ts, as the card linter uses them), and a
 * small thesaurus of ML-interview vocabulary so that a question asked in
 * everyday words ("how fast must it answer?") reaches the guides' terms
 * ("latency budget").
 */

/** A search term is a content word's stem (src/lib/text/words.ts, shared with the card linter). */
export { stem };

/** Topic terms of a text, stemmed, in order (duplicates kept: they count as term frequency); single letters dropped. */
export function toTerms(text: string): string[] {
  const terms: string[] = [];
  for (const word of text.toLowerCase().match(WORD) ?? []) {
    if (word.length < 2 || isStopWord(word)) continue;
    terms.push(stem(word));
  }
  return terms;
}

/** A word with its apostrophe ("don’t", "interviewer’s"): one token, as a query types it. */
const WORD = /[\p{L}\p{N}]+(?:[’'][\p{L}]+)?/gu;

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
