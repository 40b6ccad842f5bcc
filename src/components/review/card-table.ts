import { emit, html, requiredElement } from '../../lib/dom.ts';
import { ratingName } from '../../lib/review-log/rating-names.ts';
import type { CardAction } from '../../lib/review/card-actions.ts';
import { withBase } from '../../lib/urls.ts';
import { SORT_KEYS, type CardRow, type SortDirection, type SortKey } from '../../lib/review/card-rows.ts';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

/** A due date a reader can scan: "now" when due, the time for today's learning steps, else the date. */
export function formatDue(due: number | null, now: number): string {
  if (due === null) return '—';
  if (due <= now) return 'now';
  return due - now < 86_400_000 ? `today ${timeFormat.format(due)}` : dateFormat.format(due);
}

const sortKey = (value: string | undefined): SortKey | null => SORT_KEYS.find((key) => key === value) ?? null;

/**
 * <card-table>: renders the rows it is given (one page) and the sort state of
 * the headers; a header button asks for a sort (`card-sort`), a row's buttons
 * for an action on that card (`card-row-action`).
 */
export class CardTable extends HTMLElement {
  readonly #rows = requiredElement<HTMLTableSectionElement>(this, '[data-rows]', 'card-table');
  readonly #caption = requiredElement<HTMLElement>(this, '[data-caption]', 'card-table');

  connectedCallback(): void {
    this.addEventListener('click', this.#onClick);
  }

  /** Shows `rows` and marks the sorted column; `caption` says what the page holds. */
  show(rows: readonly CardRow[], sort: { key: SortKey; direction: SortDirection }, caption: string, now: number): void {
    for (const th of this.querySelectorAll<HTMLElement>('th[data-column]')) {
      if (th.dataset['column'] === sort.key) th.setAttribute('aria-sort', sort.direction);
      else th.removeAttribute('aria-sort');
    }
    this.#caption.textContent = caption;
    this.#rows.replaceChildren(...rows.map((row) => this.#row(row, now)));
  }

  #row(row: CardRow, now: number): HTMLTableRowElement {
    const action = (name: CardAction, label: string) =>
      html('button', {
        className: 'button button-small',
        attrs: {
          type: 'button',
          'data-action': name,
          'data-card': row.id,
          'aria-label': `${label}: ${row.front || row.id}`,
        },
        text: label,
      });
    const retired = row.state === 'retired';
    return html(
      'tr',
      {},
      html(
        'td',
        { className: 'card-front' },
        retired ? 'No longer in the deck (its history is kept)' : row.front,
        html('span', { className: 'card-id', text: row.id }),
      ),
      html(
        'td',
        { className: 'card-concept' },
        row.concept ? html('a', { attrs: { href: withBase(row.concept) }, text: row.conceptTitle }) : '—',
      ),
      html('td', { text: row.state }),
      html('td', { className: 'card-due', text: formatDue(row.due, now) }),
      html('td', { text: row.stability === null ? '—' : `${row.stability.toFixed(1)} d` }),
      html('td', { text: row.retrievability === null ? '—' : `${Math.round(row.retrievability * 100)}%` }),
      html('td', { text: row.lastRating === null ? '—' : (ratingName(row.lastRating) ?? '—') }),
      html('td', { text: String(row.lapses) }),
      html(
        'td',
        { className: 'card-actions' },
        retired ? '—' : row.state === 'suspended' ? action('unsuspend', 'Unsuspend') : action('suspend', 'Suspend'),
        !retired && row.due !== null && action('reset', 'Reset'),
      ),
    );
  }

  readonly #onClick = (event: MouseEvent): void => {
    const target = event.target instanceof Element ? event.target.closest('button') : null;
    if (!target) return;
    const key = sortKey(target.dataset['sort']);
    if (key) {
      emit(this, 'card-sort', { key });
      return;
    }
    const action = target.dataset['action'];
    const cardId = target.dataset['card'];
    if ((action === 'suspend' || action === 'unsuspend' || action === 'reset') && cardId)
      emit(this, 'card-row-action', { action, cardId });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'card-table': CardTable;
  }
  interface HTMLElementEventMap {
    /** A header asked to sort by its column (again: the other direction). */
    'card-sort': CustomEvent<{ key: SortKey }>;
    /** A row's button asked for an action on its card. */
    'card-row-action': CustomEvent<{ action: CardAction; cardId: string }>;
  }
}

customElements.define('card-table', CardTable);
