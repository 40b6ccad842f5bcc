/**
 * Word-level text normalisation for the card linter: lower-cased words, English
 * stop words, and a light suffix-stripping stemmer. Everything here is pure and
 * locale-independent, so the same deck always lints the same way.
 */

/**
 * Function words that carry no topic. Two cards sharing only these say nothing
 * about each other, and a cloze that hides only these tests grammar, not an idea.
 * Negations and quantity words ("not", "no", "all") are stop words too: hiding
 * one makes a true/false guess, not a recall.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each either else ever every few for from
further had has have having he her here hers him his how i if in into is it its itself just least less
let may me might more most much must my neither no nor not of off on once one only or other ought our
ours out over own per rather same shall she should so some such than that the their theirs them then
there these they this those though through to too under until up upon us very via was we were what when
where whether which while who whom whose why will with within without would yet you your yours`.split(/\s+/u),
);

/** Lower-cased words of a text: letters and digits, with inner apostrophes and hyphens split off. */
export function wordsOf(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']s\b/gu, '');
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** How many words a reader reads: whitespace-separated tokens that hold a letter or digit. */
export function countWords(text: string): number {
  return text.split(/\s+/u).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** The stems of a text's content words, in order. */
export function contentStems(text: string): string[] {
  return wordsOf(text)
    .filter((word) => !isStopWord(word))
    .map(stem);
}

/**
 * A small, deterministic English stemmer (plural, past, gerund and a few
 * derivational endings), enough that "labels"/"labelled"/"labeling" and
 * "optimizer"/"optimize" meet. Words of four letters or fewer are left alone,
 * so "p99", "gbdt" or "qps" stay what they are.
 */
export function stem(word: string): string {
  if (word.length <= 4 || /\d/u.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 5) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  for (const suffix of ['ational', 'ization', 'ations', 'ation', 'ement', 'ments', 'ment', 'ness', 'ities', 'ity']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  for (const suffix of ['ingly', 'edly', 'ing', 'ers', 'ed', 'er', 'ly', 'e']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  // "labell(ed)" and "label" meet; so do "stopp(ed)" and "stop".
  const last = w.at(-1);
  if (last !== undefined && w.length > 3 && last === w.at(-2) && !'lsz'.includes(last)) w = w.slice(0, -1);
  if (w.endsWith('ll') && w.length > 4) w = w.slice(0, -1);
  return w;
}
