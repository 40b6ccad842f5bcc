import type { DeckCard } from '../../lib/deck-schema.ts';
import { loadDeck } from '../../lib/review/deck.ts';
import { sectionLabel, type SectionId } from '../../lib/sections.ts';
import { startOfStudyDay, studyDayStart } from '../../lib/srs/day.ts';
import { restoreOrReplay } from '../../lib/srs/replay-cache.ts';
import { createScheduler } from '../../lib/srs/scheduler.ts';
import { dueForecast, masteryByConcept, reviewsPerDay, trueRetention } from '../../lib/srs/stats.ts';
import { LogUnreadableError, openProgressStore } from '../../lib/store/progress-store.ts';
import { plural } from '../../lib/plural.ts';
import { withBase } from '../../lib/urls.ts';

const SVG = 'http://www.w3.org/2000/svg';
const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MASTERY_SECTIONS: SectionId[] = ['phases', 'archetypes'];

function svgElement(name: string, attributes: Record<string, string | number>, text?: string): SVGElement {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

function dateLabel(ms: number): string {
  return new Date(ms).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** A bar per day; the numbers are drawn too, so the chart reads without colour or hover. */
function drawForecast(counts: number[], now: number): SVGElement {
  const width = 560;
  const height = 160;
  const barWidth = width / counts.length;
  const max = Math.max(1, ...counts);
  const described = counts.map((n, i) => `${i === 0 ? 'today' : dateLabel(studyDayStart(now, i))}: ${n}`).join(', ');
  const svg = svgElement('svg', {
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': `Cards due per day. ${described}.`,
  });
  counts.forEach((count, i) => {
    const h = (count / max) * (height - 50);
    const x = i * barWidth + 4;
    const bar = svgElement('rect', {
      x,
      y: height - 25 - h,
      width: barWidth - 8,
      height: h,
      class: 'chart-bar',
      rx: 2,
    });
    bar.append(svgElement('title', {}, `${i === 0 ? 'Today' : dateLabel(studyDayStart(now, i))}: ${count} due`));
    svg.append(bar);
    svg.append(
      svgElement(
        'text',
        { x: x + (barWidth - 8) / 2, y: height - 30 - h, 'text-anchor': 'middle', class: 'chart-text' },
        String(count),
      ),
    );
    const day = i === 0 ? 'Today' : (DAY_NAMES[new Date(studyDayStart(now, i)).getDay()] ?? '');
    svg.append(
      svgElement(
        'text',
        { x: x + (barWidth - 8) / 2, y: height - 8, 'text-anchor': 'middle', class: 'chart-muted' },
        day,
      ),
    );
  });
  return svg;
}

/** GitHub-style calendar: a column per week, a row per weekday, darker for more reviews. */
function drawHeatmap(perDay: Map<number, number>, now: number): SVGElement {
  const weeks = 27;
  const cell = 13;
  const today = startOfStudyDay(now);
  const todayWeekday = new Date(today).getDay();
  const first = studyDayStart(now, -(weeks - 1) * 7 - todayWeekday);
  const max = Math.max(1, ...perDay.values());
  const total = [...perDay.values()].reduce((a, b) => a + b, 0);
  const activeDays = [...perDay.values()].filter((n) => n > 0).length;
  const svg = svgElement('svg', {
    viewBox: `0 0 ${weeks * cell + 30} ${7 * cell + 20}`,
    role: 'img',
    'aria-label': `${total} review${total === 1 ? '' : 's'} on ${activeDays} day${activeDays === 1 ? '' : 's'} since ${dateLabel(first)}.`,
  });
  for (const [row, name] of [
    [1, 'Mon'],
    [3, 'Wed'],
    [5, 'Fri'],
  ] as const) {
    svg.append(svgElement('text', { x: 0, y: 18 + row * cell + 9, class: 'chart-muted' }, name));
  }
  for (let week = 0; week < weeks; week++) {
    for (let weekday = 0; weekday < 7; weekday++) {
      const offset = week * 7 + weekday;
      const day = studyDayStart(first, offset);
      if (day > today) break;
      const count = perDay.get(day) ?? 0;
      const level = count === 0 ? 0 : Math.min(4, Math.ceil((count / max) * 4));
      const rect = svgElement('rect', {
        x: 30 + week * cell,
        y: 18 + weekday * cell,
        width: cell - 3,
        height: cell - 3,
        rx: 2,
        class: `heat-${level}`,
      });
      rect.append(svgElement('title', {}, `${dateLabel(day)}: ${count} review${count === 1 ? '' : 's'}`));
      svg.append(rect);
    }
    if (new Date(studyDayStart(first, week * 7)).getDate() <= 7) {
      svg.append(
        svgElement(
          'text',
          { x: 30 + week * cell, y: 10, class: 'chart-muted' },
          new Date(studyDayStart(first, week * 7)).toLocaleDateString(undefined, { month: 'short' }),
        ),
      );
    }
  }
  return svg;
}

function masteryTables(cards: readonly DeckCard[], mastery: ReturnType<typeof masteryByConcept>): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const byConcept = new Map(mastery.map((m) => [m.concept, m]));
  for (const section of MASTERY_SECTIONS) {
    const sectionCards = cards.filter((card) => card.section === section);
    if (sectionCards.length === 0) continue;
    const heading = document.createElement('h3');
    heading.className = 'mastery-group';
    heading.textContent = sectionLabel(section);
    const table = document.createElement('table');
    table.className = 'mastery-table';
    table.innerHTML =
      '<thead><tr><th scope="col">Concept</th><th scope="col">Studied</th><th scope="col">Mastery</th></tr></thead>';
    const body = document.createElement('tbody');
    const seen = new Set<string>();
    for (const card of sectionCards) {
      if (seen.has(card.concept)) continue;
      seen.add(card.concept);
      const entry = byConcept.get(card.concept);
      if (!entry) continue;
      const row = body.insertRow();
      const name = row.insertCell();
      const link = document.createElement('a');
      link.href = withBase(card.concept);
      link.textContent = card.conceptTitle.join(' › ');
      name.append(link);
      row.insertCell().textContent = `${entry.studied} / ${entry.cards}`;
      const value = row.insertCell();
      const meter = document.createElement('meter');
      meter.min = 0;
      meter.max = 1;
      meter.value = entry.mastery;
      meter.setAttribute('aria-label', `Mastery of ${card.conceptTitle.join(', ')}`);
      value.append(meter, ` ${percent(entry.mastery)}`);
    }
    table.append(body);
    fragment.append(heading, table);
  }
  return fragment;
}

/** The status above the charts: how much history they are drawn from, and what is missing from it. */
function describeHistory(persistent: boolean, reviews: number, unreadable: number): string {
  if (!persistent)
    return 'This browser is not letting the site store data (private browsing, or storage is blocked), so there is no review history to show.';
  const missing =
    unreadable > 0
      ? ` ${plural(unreadable, 'stored review')} could not be read and ${unreadable === 1 ? 'is' : 'are'} not counted.`
      : '';
  return `${plural(reviews, 'review')} in this browser.${missing}`;
}

class ReviewStats extends HTMLElement {
  async connectedCallback(): Promise<void> {
    const status = this.querySelector<HTMLElement>('[data-stats-status]');
    const part = (name: string) => this.querySelector<HTMLElement>(`[data-${name}]`);
    try {
      const [{ store, persistent }, cards] = await Promise.all([
        openProgressStore(),
        loadDeck(this.dataset['deckUrl'] ?? withBase('/deck.json')),
      ]);
      const [{ entries, settings, unreadable }, snapshot] = await Promise.all([
        store.load(),
        store.loadSnapshot().catch(() => undefined),
      ]);
      const now = Date.now();
      const scheduler = createScheduler(settings);
      const { states } = restoreOrReplay(scheduler, entries, settings, snapshot);
      const deckIds = cards.map((card) => card.id);
      part('forecast')?.replaceChildren(drawForecast(dueForecast(states, deckIds, now), now));
      const since = studyDayStart(now, -27 * 7);
      part('heatmap')?.replaceChildren(drawHeatmap(reviewsPerDay(entries, since), now));
      const retention = trueRetention(scheduler, entries, now - 30 * 86_400_000);
      const retentionText = part('retention');
      if (retentionText) {
        retentionText.textContent =
          retention.retention === null
            ? 'No reviews of graduated cards in the last 30 days yet.'
            : `${percent(retention.retention)}: ${retention.passed} of ${retention.reviews} reviews of graduated cards were not forgotten (your desired retention is ${percent(settings.desiredRetention)}).`;
      }
      part('mastery')?.replaceChildren(masteryTables(cards, masteryByConcept(scheduler, states, cards, now)));
      if (status) status.textContent = describeHistory(persistent, entries.length, unreadable);
    } catch (error) {
      if (status)
        status.textContent =
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
