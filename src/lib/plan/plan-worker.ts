/// <reference lib="webworker" />
import { filterCards, loadDeck } from '../review/deck.ts';
import { readReviewParams } from '../review/review-params.ts';
import { openProgressStore } from '../store/progress-store.ts';
import { parseInterviewInput } from './interview-input.ts';
import { planReport } from './plan-report.ts';
import type { FromPlanWorker, ToPlanWorker } from './plan-protocol.ts';

/**
 * The plan, off the page's main thread: replaying the log and simulating every
 * day to the interview (and the later dates and smaller scopes it tries when
 * the plan does not fit) takes up to a second on a phone. Bundled on its own,
 * so none of it weighs on the review page's start-up.
 */

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', (event: MessageEvent<ToPlanWorker>) => {
  void answer(event.data).then((message) => scope.postMessage(message));
});

async function answer({
  deckUrl,
  search,
  now,
  settings,
  interviewForm,
  withMap,
}: ToPlanWorker): Promise<FromPlanWorker> {
  let interview;
  if (interviewForm) {
    const parsed = parseInterviewInput(interviewForm, now);
    if (!parsed.ok) return { ok: false, message: parsed.message, formError: true };
    interview = parsed.interview;
  }
  try {
    const [{ store }, deck] = await Promise.all([openProgressStore(), loadDeck(deckUrl)]);
    const loaded = await store.load();
    const base = settings ?? loaded.settings;
    const report = planReport({
      cards: filterCards(deck, readReviewParams(search).filter),
      entries: loaded.entries,
      marks: loaded.marks,
      settings: interview ? { ...base, interview } : base,
      now,
      withMap: withMap ?? false,
    });
    return { ok: true, report };
  } catch (error) {
    return {
      ok: false,
      message:
        error instanceof Error && !(error instanceof DOMException)
          ? error.message
          : 'Your reviews could not be read, so there is no plan to show. Reload the page to try again.',
    };
  }
}
