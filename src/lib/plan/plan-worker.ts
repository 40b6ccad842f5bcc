import { SYNC_CHANNEL } from '../review-log/constants.ts';
import type { DeckCard } from '../deck-schema.ts';
import { filterCards, loadDeck } from '../review/deck.ts';
import { readReviewParams } from '../review/review-params.ts';
import { openProgressStore, type LoadedProgress } from '../store/progress-store.ts';
import { WorkerError, serve } from '../worker-rpc.ts';
import { parseInterviewInput } from './interview-input.ts';
import { PLAN_FORM_ERROR, type PlanCalls } from './plan-protocol.ts';
import { planReport } from './plan-report.ts';

/**
 * The plan, off the page's main thread: replaying the log and simulating every
 * day to the interview (and the later dates and smaller scopes it tries when
 * the plan does not fit) takes up to a second on a phone. Bundled on its own,
 * so none of it weighs on the review page's start-up. The worker lives as long
 * as the page: it reads the deck and the log once, and reads the log again only
 * after a change, heard on the tabs' channel that every writer of the log posts
 * to (a BroadcastChannel reaches the worker from its own page's writers too).
 * Settings changed on the page come with each request (`settings`).
 */

const decks = new Map<string, Promise<DeckCard[]>>();
let progress: Promise<LoadedProgress> | null = null;

function loadProgress(): Promise<LoadedProgress> {
  progress ??= openProgressStore().then(({ store }) => store.load());
  // A failed read is not kept: the next report tries again.
  progress.catch(() => (progress = null));
  return progress;
}

function deckAt(url: string): Promise<DeckCard[]> {
  let deck = decks.get(url);
  if (!deck) {
    deck = loadDeck(url);
    decks.set(url, deck);
    deck.catch(() => decks.delete(url));
  }
  return deck;
}

if (typeof BroadcastChannel !== 'undefined')
  new BroadcastChannel(SYNC_CHANNEL).addEventListener('message', () => (progress = null));

serve<PlanCalls>({
  async report({ deckUrl, search, now, settings, interviewForm, withMap }) {
    let interview;
    if (interviewForm) {
      const parsed = parseInterviewInput(interviewForm, now);
      if (!parsed.ok) throw new WorkerError(parsed.message, PLAN_FORM_ERROR);
      interview = parsed.interview;
    }
    let loaded, deck;
    try {
      [loaded, deck] = await Promise.all([loadProgress(), deckAt(deckUrl)]);
    } catch (error) {
      throw new WorkerError(
        error instanceof Error && !(error instanceof DOMException)
          ? error.message
          : 'Your reviews could not be read, so there is no plan to show. Reload the page to try again.',
      );
    }
    const base = settings ?? loaded.settings;
    return planReport({
      cards: filterCards(deck, readReviewParams(search).filter),
      entries: loaded.entries,
      marks: loaded.marks,
      settings: interview ? { ...base, interview } : base,
      now,
      withMap: withMap ?? false,
    });
  },
});
