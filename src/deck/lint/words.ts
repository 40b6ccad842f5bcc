/**
 * The linter's words: the shared normalisation (src/lib/text/words.ts, also
 * used by question search), and how many words a reader reads.
 */
export { contentStems, isStopWord, stem, wordsOf } from '../../lib/text/words.ts';

/** How many words a reader reads: whitespace-separated tokens that hold a letter or digit. */
export function countWords(text: string): number {
  return text.split(/\s+/u).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}
