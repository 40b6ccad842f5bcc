import { emit, html, requiredElement } from '../../lib/dom.ts';
import type { DrillOutcome } from '../../lib/drill/assessment.ts';
import { focusedReviewHref } from '../../lib/drill/weak-spots.ts';
import { plural } from '../../lib/plural.ts';
import { withBase } from '../../lib/urls.ts';

const required = <T extends Element>(selector: string, root: ParentNode): T =>
  requiredElement<T>(root, selector, 'drill-results');

/** <drill-results>: the questions the notes covered, the weak spots to review, and "Start another drill". */
export class DrillResults extends HTMLElement {
  readonly #title = required<HTMLElement>('#drill-results-title', this);
  readonly #summary = required<HTMLElement>('[data-coverage-summary]', this);
  readonly #coverage = required<HTMLUListElement>('[data-coverage]', this);
  readonly #weak = required<HTMLElement>('[data-weak]', this);

  connectedCallback(): void {
    const again = required<HTMLButtonElement>('[data-again]', this);
    again.addEventListener('click', () => emit(this, 'drill-again', {}));
    again.disabled = false;
  }

  show({ record, coverage, weak }: DrillOutcome, reviewUrl: string): void {
    this.#summary.textContent = `Your notes covered ${record.questionsCovered} of ${record.questionCount} key questions for “${record.promptTitle}”.`;
    this.#coverage.replaceChildren(
      ...coverage.map(({ question, covered }) =>
        html(
          'li',
          { className: covered ? 'is-covered' : 'is-missed' },
          html('span', { className: 'visually-hidden', text: covered ? 'Covered: ' : 'Missed: ' }),
          question.text,
          !covered && ' ',
          !covered && html('a', { attrs: { href: withBase(question.concept) }, text: 'Read about it' }),
        ),
      ),
    );
    this.#weak.replaceChildren(...this.#weakSpots(weak, reviewUrl));
  }

  focusTitle(): void {
    this.#title.focus();
  }

  #weakSpots(concepts: readonly string[], reviewUrl: string): HTMLElement[] {
    if (concepts.length === 0)
      return [html('p', { text: 'No weak spots this time. Try a harder prompt, or the 45-minute format.' })];
    return [
      html('h3', { text: 'Weak spots' }),
      html('p', {
        text: `A focused review of the cards on ${plural(concepts.length, 'weak concept')}, in cram mode: your spaced-repetition schedule is not changed.`,
      }),
      html('a', {
        className: 'button button-primary',
        attrs: { href: focusedReviewHref(reviewUrl, concepts), 'data-focused-review': true },
        text: 'Review these weak spots now',
      }),
    ];
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'drill-results': DrillResults;
  }
  interface HTMLElementEventMap {
    /** The reader wants another drill. */
    'drill-again': CustomEvent<Record<string, never>>;
  }
}

customElements.define('drill-results', DrillResults);
