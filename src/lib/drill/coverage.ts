// The basic build: plain fuzzy matching of words, no extended query syntax.
import Fuse from 'fuse.js/basic';
import { toTerms } from '../search/query-terms.ts';

/**
 * Did the notes ask a key question? Word-level matching with the question
 * search's own terms (stop words gone, light stemming), and fuse.js for the
 * words typed differently ("fraudulant", "labelling"): a question counts as
 * covered when enough of its topic words appear in the notes.
 */

/** Share of a question's topic words the notes must contain. */
export const COVERAGE_SHARE = 0.4;

export interface CoverageResult<Q> {
  question: Q;
  covered: boolean;
  /** Question words found in the notes, for showing why. */
  matched: string[];
}

export function checkCoverage<Q extends { text: string }>(notes: string, questions: readonly Q[]): CoverageResult<Q>[] {
  const vocabulary = [...new Set(toTerms(notes))];
  const known = new Set(vocabulary);
  const fuse = new Fuse(vocabulary, { threshold: 0.25, ignoreLocation: true, minMatchCharLength: 3 });
  const fuzzyHits = new Map<string, boolean>();
  const found = (term: string): boolean => {
    if (known.has(term)) return true;
    if (term.length < 4) return false;
    let hit = fuzzyHits.get(term);
    if (hit === undefined) {
      hit = fuse.search(term, { limit: 1 }).length > 0;
      fuzzyHits.set(term, hit);
    }
    return hit;
  };
  return questions.map((question) => {
    const terms = [...new Set(toTerms(question.text))];
    const matched = terms.filter(found);
    const needed = Math.max(1, Math.min(2, terms.length), Math.ceil(terms.length * COVERAGE_SHARE));
    return { question, covered: terms.length > 0 && matched.length >= needed, matched };
  });
}
