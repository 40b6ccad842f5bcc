/**
 * Words for every part of the site that compares texts by their topic words:
 * the card linter (src/deck/lint/) and question search (src/lib/search/), so a
 * word means the same to both. Lower-cased words, English stop words, and a light
 * suffix-stripping stemmer; everything here is pure and locale-independent, so
 * the same text always gives the same terms.
 */

/**
 * Function words that carry no topic. Two texts sharing only these say nothing
 * about each other, a cloze that hides only these tests grammar, not an idea,
 * and a question is found by its other words. Negations and quantity words
 * ("not", "no", "all") are stop words too: hiding one makes a true/false guess,
 * not a recall. Fragments of contractions ("don’t" → "don", "t") are listed, as
 * are the filler words of a question typed in everyday words ("please tell me").
 * "between" and "whether" are kept as content words: without them two paraphrases
 * of tests/unit/search-accuracy.test.ts miss their guide.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being below
both but by can could d did do does doing don done during each either else ever every few for
from further get gets got had has have having he her here hers him his how i if in into is it its itself
just least less let lets ll m many may me might more most much must my neither no nor not now of off ok on
once one only or other ought our ours out over own per please rather re s same say shall she should so some
such t tell than that the their theirs them then there these they thing things this those though through to
too under until up upon us ve very via was way we were what when where which while who whom whose
why will with within without would yet you your yours i’d i’m don’t can’t i'd i'm don't can't`.split(/\s+/u),
);

/** Lower-cased words of a text: letters and digits, accents folded, possessive "’s" dropped, inner apostrophes and hyphens split. */
export function wordsOf(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']s\b/gu, '');
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** The stems of a text's content words, in order (repeats kept: they count as term frequency). */
export function contentStems(text: string): string[] {
  return wordsOf(text)
    .filter((word) => !isStopWord(word))
    .map(stem);
}

/**
 * A deliberately small suffix stemmer: enough to make "labels", "labelled" and
 * "labeling" one term, without the over-merging of a full Porter stemmer on
 * short technical words ("bias", "gas", "p99" stay as they are).
 */
export function stem(word: string): string {
  let w = word.replace(/[’']s$/u, '');
  if (w.length <= 3 || /\d/u.test(w)) return w;
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
