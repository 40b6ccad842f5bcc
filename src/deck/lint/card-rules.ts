import { contentStems, wordsOf } from './words.ts';

/**
 * What the card standard (CARD-STANDARD.md in the project's shared notes, and
 * docs/architecture.md) asks of one card, as checks on its plain text: a cloze
 * whose deletion the rest of its sentence gives away, enumerations written as
 * inline series, and counts in the front that the answer does not match.
 */

/** Pairs where knowing one side means knowing the other: the deletion is a coin toss, not a recall. */
const BINARY_PAIRS: readonly (readonly [string, string])[] = [
  ['too high', 'too low'],
  ['more', 'less'],
  ['more', 'fewer'],
  ['higher', 'lower'],
  ['high', 'low'],
  ['increase', 'decrease'],
  ['increases', 'decreases'],
  ['increased', 'decreased'],
  ['rises', 'falls'],
  ['up', 'down'],
  ['yes', 'no'],
  ['true', 'false'],
  ['before', 'after'],
  ['above', 'below'],
  ['over', 'under'],
  ['early', 'late'],
  ['earlier', 'later'],
  ['faster', 'slower'],
  ['better', 'worse'],
];

const BINARY: ReadonlyMap<string, string> = new Map(
  BINARY_PAIRS.flatMap(([a, b]) => [
    [a, b],
    [b, a],
  ]),
);

/** The other side of a binary pair when the deletion is one side of one ("too low" → "too high"). */
export function binaryPartner(hidden: string): string | undefined {
  return BINARY.get(wordsOf(hidden).join(' '));
}

/** Letters a reader needs to guess a long word: its first five. */
const PREFIX = 5;

/**
 * The words of a deletion the reader can see anyway: a content stem of the
 * deletion that is also one of the visible text's (or the hint's), or a word of
 * five letters or more whose first five letters begin a visible word
 * ("quantile" under "predict a quantile").
 */
export function leakedWords(hidden: string, visible: string): string[] {
  const seenStems = new Set(contentStems(visible));
  const seenWords = wordsOf(visible);
  const leaks: string[] = [];
  for (const word of wordsOf(hidden)) {
    // "p", "ε", "vs": symbols and connectors, not the idea.
    if (word.length < 3) continue;
    const stems = contentStems(word);
    const s = stems[0];
    if (s === undefined) continue;
    const prefix = word.length >= PREFIX ? word.slice(0, PREFIX) : undefined;
    if (seenStems.has(s) || (prefix !== undefined && seenWords.some((w) => w.startsWith(prefix)))) leaks.push(word);
  }
  return [...new Set(leaks)];
}

/**
 * Items of each inline series in a text: "a, b, c and d" (or "…, c, or d") is a
 * list of four as much as a Markdown one. A series is items separated by
 * commas, the last joined by "and" or "or", all within one clause (a ";", ":",
 * "." or a dash ends it).
 */
export function inlineSeriesSizes(text: string): number[] {
  const sizes: number[] = [];
  // A parenthesis belongs to its item: "scale (peak QPS and data volume)" is one.
  const flat = text.replace(/\([^()]*\)/gu, '');
  for (const clause of flat.split(/[;:.!?—–]|\s-\s/u)) {
    const parts = clause.split(',');
    if (parts.length < 2) continue;
    // The run of comma-separated parts that ends in a part holding "and"/"or".
    for (let end = parts.length - 1; end >= 1; end--) {
      const last = parts[end] ?? '';
      const joined = /(?:^|\s)(?:and|or)\s+\S/u.exec(last);
      if (!joined) continue;
      // "…, c, and d": the last part is only "and d"; "…, c and d": it holds two items.
      const oxford = last.trim().startsWith('and ') || last.trim().startsWith('or ');
      sizes.push(end + (oxford ? 1 : 2));
      break;
    }
  }
  return sizes;
}

const NUMBERS: ReadonlyMap<string, number> = new Map([
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
]);

/** Words after which a number asks for a set: "Name three…", "Which two…", "Give 3…", "What are the four…". */
const COUNT_LEADS: ReadonlySet<string> = new Set(['name', 'list', 'give', 'which', 'what']);

/** After a number, words that make it a quantity rather than a set ("Five minutes in, …"). */
const UNITS: ReadonlySet<string> = new Set(
  'minutes minute seconds hours days weeks months years times percent ms x'.split(' '),
);

/**
 * The size a front asks for, if it asks for a set: "Name three …", "Which two
 * …", "What are the four …", or a front that opens with the number ("Three
 * signs that …?"), unless a unit follows it ("Five minutes in").
 */
export function askedCount(front: string): number | undefined {
  const words = wordsOf(front);
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const n = NUMBERS.get(word) ?? (/^\d$/u.test(word) ? Number(word) : undefined);
    if (n === undefined || n < 2) continue;
    if (UNITS.has(words[i + 1] ?? '')) continue;
    // "Name three", "Which two", "What are the three", or a front that opens with the number.
    const lead = words.slice(Math.max(0, i - 3), i).filter((w) => !['are', 'the', 'is'].includes(w));
    if (i === 0 || COUNT_LEADS.has(lead.at(-1) ?? '')) return n;
  }
  return undefined;
}
