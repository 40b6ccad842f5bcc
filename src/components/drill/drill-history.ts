import { html, requiredElement } from '../../lib/dom.ts';
import type { DrillRecord } from '../../lib/drill/schema.ts';

/** <drill-history>: this browser's finished drills, newest first, one column per phase score. */
export class DrillHistory extends HTMLElement {
  readonly #section = requiredElement<HTMLElement>(this, '[data-history]', 'drill-history');
  readonly #body = requiredElement<HTMLElement>(this, '[data-history-body]', 'drill-history');
  /** One score column per phase, as many as the header rendered with the page. */
  readonly #phaseCount = this.querySelectorAll('thead th[abbr]').length;

  /** Fills the table; it shows only when `visible` and there is something to show. */
  render(records: readonly DrillRecord[], visible: boolean): void {
    this.#body.replaceChildren(
      ...records
        .slice()
        .reverse()
        .map((record) =>
          html(
            'tr',
            {},
            html('td', { text: new Date(record.startedAt).toLocaleDateString() }),
            html('td', { text: record.promptTitle }),
            html('td', { text: `${record.format} min` }),
            ...Array.from({ length: this.#phaseCount }, (_, i) =>
              html('td', { text: String(record.scores[i] ?? '–') }),
            ),
            html('td', { text: `${record.questionsCovered}/${record.questionCount}` }),
          ),
        ),
    );
    this.#section.hidden = !visible || records.length === 0;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'drill-history': DrillHistory;
  }
}

customElements.define('drill-history', DrillHistory);
