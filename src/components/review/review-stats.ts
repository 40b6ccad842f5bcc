import { requiredElement } from '../../lib/dom.ts';
import { plural } from '../../lib/plural.ts';
import { loadDeck } from '../../lib/review/deck.ts';
import { studyDayStart } from '../../lib/srs/day.ts';
import { restoreOrReplay } from '../../lib/srs/replay-cache.ts';
import { createScheduler } from '../../lib/srs/scheduler.ts';
import { dueForecast, masteryByConcept, reviewCounts, reviewsPerDay, trueRetention } from '../../lib/srs/stats.ts';
import { LogUnreadableError, openProgressStore } from '../../lib/store/progress-store.ts';
import { runtimeFileUrl } from '../../lib/app-files.ts';
import { masteryTables, percent } from './mastery-tables.ts';
import { drawForecast, drawHeatmap } from './stats-charts.ts';

const required = (root: ParentNode, selector: string): HTMLElement =>
  requiredElement<HTMLElement>(root, selector, 'review-stats');

/** The status above the charts: how much history they are drawn from, and what is missing from it. */
function describeHistory(
  persistent: boolean,
  { total, whileReading }: ReturnType<typeof reviewCounts>,
  unreadable: number,
): string {
  if (!persistent)
    return 'This browser is not letting the site store data (private browsing, or storage is blocked), so there is no review history to show.';
  const missing =
    unreadable > 0
      ? ` ${plural(unreadable, 'stored review')} could not be read and ${unreadable === 1 ? 'is' : 'are'} not counted.`
      : '';
  const reading = whileReading > 0 ? ` (${whileReading} answered while reading a guide)` : '';
  return `${plural(total, 'review')} in this browser${reading}.${missing}`;
}

/** <review-stats>: forecast, heatmap, retention and mastery, computed in the browser from the local log. */
class ReviewStats extends HTMLElement {
  readonly #el = {
    status: required(this, '[data-stats-status]'),
    forecast: required(this, '[data-forecast]'),
    heatmap: required(this, '[data-heatmap]'),
    retention: required(this, '[data-retention]'),
    mastery: required(this, '[data-mastery]'),
  };

  connectedCallback(): void {
    void this.#draw();
  }

  async #draw(): Promise<void> {
    const el = this.#el;
    try {
      const [{ store, persistent }, cards] = await Promise.all([
        openProgressStore(),
        loadDeck(this.dataset['deckUrl'] ?? runtimeFileUrl('deck')),
      ]);
      const [{ entries, settings, unreadable }, snapshot] = await Promise.all([
        store.load(),
        store.loadSnapshot().catch(() => undefined),
      ]);
      const now = Date.now();
      const scheduler = createScheduler(settings);
      const { states } = restoreOrReplay(scheduler, entries, settings, snapshot);
      const deckIds = cards.map((card) => card.id);
      el.forecast.replaceChildren(drawForecast(dueForecast(states, deckIds, now), now));
      el.heatmap.replaceChildren(drawHeatmap(reviewsPerDay(entries, studyDayStart(now, -27 * 7)), now));
      const retention = trueRetention(scheduler, entries, now - 30 * 86_400_000);
      el.retention.textContent =
        retention.retention === null
          ? 'No reviews of graduated cards in the last 30 days yet.'
          : `${percent(retention.retention)}: ${retention.passed} of ${plural(retention.reviews, 'review')} of graduated cards were not forgotten (your desired retention is ${percent(settings.desiredRetention)}).`;
      el.mastery.replaceChildren(...masteryTables(cards, masteryByConcept(scheduler, states, cards, now)));
      el.status.textContent = describeHistory(persistent, reviewCounts(entries), unreadable);
    } catch (error) {
      el.status.textContent =
        error instanceof LogUnreadableError
          ? 'Your stored reviews could not be read, so there are no statistics to show. Reload the page to try again.'
          : // The deck loader's errors are written for users; a storage DOMException is not.
            error instanceof Error && !(error instanceof DOMException)
            ? error.message
            : 'The statistics could not be loaded. Reload the page to try again.';
    }
  }
}

customElements.define('review-stats', ReviewStats);
