import { resolve } from 'node:path';
import type { Deck, QuestionIndex } from '../lib/deck-schema.ts';
import { buildDeckFromDir, buildDeckFromDirParallel, type BuildResult } from './build.ts';
import { openFileCache } from './cache.ts';
import { contentDirFrom } from '../lib/deployment.ts';
import { formatProblem, type Problem } from './problems.ts';

/**
 * Builds are cached per content folder on `globalThis`, not in this module: Astro
 * loads the config (and so the integration) and the pages in separate module
 * graphs, and both must see one build, and one invalidation when content changes.
 */
const CACHE_KEY = Symbol.for('vibe-check.deck-builder.cache');

type Cache = Map<string, BuildResult>;

function cache(): Cache {
  const holder = globalThis as unknown as Record<symbol, Cache | undefined>;
  holder[CACHE_KEY] ??= new Map();
  return holder[CACHE_KEY];
}

/** The default content folder: `content/` under the working directory (the project root in Astro). */
export function defaultContentDir(): string {
  return resolve(process.cwd(), contentDirFrom(process.env));
}

/** Builds the deck from `contentDir` once, then returns the cached result until `invalidateDeck`. */
export function loadDeck(contentDir: string = defaultContentDir()): BuildResult {
  const key = resolve(contentDir);
  const store = cache();
  let result = store.get(key);
  if (!result) {
    result = buildDeckFromDir(key);
    store.set(key, result);
  }
  return result;
}

/**
 * Like `loadDeck`, but on a miss builds in worker threads and reuses guides parsed
 * by earlier runs (see cache.ts): for hooks that can wait (the integration).
 */
export async function loadDeckParallel(contentDir: string = defaultContentDir()): Promise<BuildResult> {
  const key = resolve(contentDir);
  const cached = cache().get(key);
  if (cached) return cached;
  const result = await buildDeckFromDirParallel(key, { cache: openFileCache() });
  cache().set(key, result);
  return result;
}

/** Forgets cached builds (all of them, or one content folder's) so the next load rebuilds. */
export function invalidateDeck(contentDir?: string): void {
  if (contentDir === undefined) cache().clear();
  else cache().delete(resolve(contentDir));
}

/** Thrown by `getDeckData` when the content is invalid; the message lists every problem. */
export class DeckContentError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[], contentLabel: string) {
    super(
      `Invalid deck content (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => formatProblem(p, contentLabel)).join('\n'),
    );
    this.name = 'DeckContentError';
    this.problems = problems;
  }
}

export interface DeckData {
  deck: Deck;
  questionIndex: QuestionIndex;
}

/**
 * The deck and the question index, for build-time code (pages, search index):
 * memoized, so every caller in one build shares a single parse of the content.
 * Throws `DeckContentError` on invalid content.
 */
export function getDeckData(contentDir: string = defaultContentDir()): DeckData {
  const result = loadDeck(contentDir);
  if (!result.ok) throw new DeckContentError(result.problems, 'content');
  return { deck: result.build.deck, questionIndex: result.build.questionIndex };
}

/**
 * `getDeckData` for page components that render without it: null on invalid
 * content. `astro build` has failed on such content before any page renders;
 * `astro dev` reports it and keeps serving pages.
 */
export function getDeckDataIfValid(contentDir: string = defaultContentDir()): DeckData | null {
  try {
    return getDeckData(contentDir);
  } catch (error) {
    if (error instanceof DeckContentError) return null;
    throw error;
  }
}
