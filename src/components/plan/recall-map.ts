import { html, requiredElement } from '../../lib/dom.ts';
import { requestPlan } from '../../lib/plan/plan-client.ts';
import { WorkerError } from '../../lib/worker-rpc.ts';
import type { PlanReport } from '../../lib/plan/plan-report.ts';
import type { RecallGroup } from '../../lib/plan/readiness.ts';
import { SECTIONS } from '../../lib/sections.ts';
import { withBase } from '../../lib/urls.ts';
import { runtimeFileUrl } from '../../lib/app-files.ts';
import { formatInstant, percent } from './plan-format.ts';

const required = <T extends Element>(root: ParentNode, selector: string): T =>
  requiredElement<T>(root, selector, 'recall-map');

function cell(group: RecallGroup): HTMLElement {
  const review = `${withBase('/review/')}?concepts=${encodeURIComponent(group.key)}`;
  return html(
    'li',
    {
      className: 'recall-cell',
      // Set through the CSSOM: a style attribute would need the CSP to allow inline styles.
      init: (li) => li.style.setProperty('--recall', `${Math.round(group.recall * 100)}%`),
    },
    html('a', { attrs: { href: withBase(group.key) }, text: group.title }),
    html('span', { className: 'recall-figure', text: percent(group.recall) }),
    html('span', { text: `${group.studied} of ${group.cards} studied · ` }),
    html('a', { attrs: { href: review, 'aria-label': `Review the cards of ${group.title}` }, text: 'Review' }),
  );
}

/** One block per section, in the site's order, each a grid of its guides. */
function grid(pages: readonly RecallGroup[]): Node[] {
  return SECTIONS.flatMap((section) => {
    const cells = pages.filter((page) => page.section === section.id);
    if (cells.length === 0) return [];
    return [
      html(
        'div',
        { className: 'recall-section' },
        html('h3', { text: section.label }),
        html('ul', { className: 'recall-grid' }, ...cells.map(cell)),
      ),
    ];
  });
}

/** <recall-map>: recall per guide as a grid, now or on the interview day. */
class RecallMap extends HTMLElement {
  readonly #when = required<HTMLFieldSetElement>(this, '[data-map-when]');
  readonly #status = required<HTMLElement>(this, '[data-map-status]');
  readonly #grid = required<HTMLElement>(this, '[data-map-grid]');
  #report: PlanReport | null = null;

  connectedCallback(): void {
    this.#when.addEventListener('change', this.#render);
    requestPlan({
      deckUrl: this.dataset['deckUrl'] ?? runtimeFileUrl('deck'),
      search: '',
      now: Date.now(),
      withMap: true,
    }).then(
      (report) => {
        this.#report = report;
        this.#when.hidden = !report.map?.interview;
        this.#render();
      },
      (error: unknown) => {
        this.#status.textContent =
          error instanceof WorkerError ? error.message : 'The recall map could not be worked out.';
      },
    );
  }

  disconnectedCallback(): void {
    this.#when.removeEventListener('change', this.#render);
  }

  readonly #render = (): void => {
    const map = this.#report?.map;
    const interviewAt = this.#report?.settings.interview?.at;
    if (!map) return;
    const checked = this.#when.querySelector<HTMLInputElement>('input:checked');
    const onTheDay = map.interview !== undefined && interviewAt !== undefined && checked?.value !== 'now';
    this.#status.textContent = onTheDay
      ? `Predicted recall at ${formatInstant(interviewAt)}, your interview, if you made no more reviews.`
      : 'Predicted recall now. Cards never studied count as 0.';
    this.#grid.replaceChildren(...grid(onTheDay && map.interview ? map.interview : map.now));
  };
}

customElements.define('recall-map', RecallMap);
