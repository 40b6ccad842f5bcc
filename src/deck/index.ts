/**
 * The deck builder, as the site (src/integrations/deck.ts) and the command line
 * (scripts/deck/cli.ts) use it: MDX guides in, the deck, the question index and
 * their published files out, or every content problem at once.
 */
export {
  buildDeck,
  buildDeckFromDir,
  buildDeckFromDirParallel,
  type BuildResult,
  type DeckLint,
  type DeckBuild,
  type DeckData,
  type SourceFile,
} from './build.ts';
export { openFileCache, type FileCache } from './cache.ts';
export { DeckContentError } from './content-error.ts';
export { DECK_FILES, serializeOutputs, writeOutputs, type OutputOptions } from './outputs.ts';
export { countBySeverity, formatFinding, summaryTable } from './lint/report.ts';
export { formatProblem, type Problem } from './problems.ts';
export { listMdxFiles } from './content-files.ts';
export { parseMdx } from './parse.ts';
export { countWords } from './word-count.ts';
