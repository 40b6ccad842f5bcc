import { withBase } from './urls.ts';

/**
 * The app's routes and the data files it fetches at run time, defined once. The pages'
 * loaders fetch these URLs, the service worker's precache is built from them
 * (src/integrations/service-worker.ts), the deck builder writes the deck files under these
 * names (src/deck/outputs.ts), the web manifest's shortcuts and the size budgets
 * (scripts/budgets/) name the routes: a file the app fetches cannot miss the precache.
 */
export const APP_ROUTES = {
  /** The review, with its statistics (`/review/stats/`) and the card browser (`/review/cards/`). */
  review: '/review/',
  questions: '/questions/',
  drill: '/drill/',
} as const;

/** Data the app fetches at run time, relative to the site's base. All of it is precached. */
export const RUNTIME_FILES = {
  /** Every card: the review, its statistics, the card browser, the plan. */
  deck: 'deck.json',
  /** The question index: the drill's hints. */
  questions: 'questions.json',
  /** The question index with fuse.js's prebuilt index: /questions/ and the Ctrl+K dialog (src/pages/questions/search-index.json.ts). */
  questionSearch: 'questions/search-index.json',
} as const;

/** The URL of a run-time file under the deployment's base (`/vibe/deck.json`). */
export function runtimeFileUrl(file: keyof typeof RUNTIME_FILES, base: string = import.meta.env.BASE_URL): string {
  return withBase(`/${RUNTIME_FILES[file]}`, base);
}
