import { requiredElement } from '../../lib/dom.ts';

/**
 * <check-card>: a prompt in a guide. Revealing is a plain <details>, so it works
 * without script; the first reveal loads the grading code (`check-grading.ts`),
 * which keeps a guide's JavaScript before interaction small.
 */
class CheckCard extends HTMLElement {
  readonly #details = requiredElement<HTMLDetailsElement>(this, 'details', 'check-card');

  connectedCallback(): void {
    this.#details.addEventListener('toggle', this.#onToggle);
    this.#onToggle();
  }

  disconnectedCallback(): void {
    this.#details.removeEventListener('toggle', this.#onToggle);
  }

  readonly #onToggle = (): void => {
    if (this.#details.open) void import('./check-grading.ts').then(({ gradeInPlace }) => gradeInPlace(this));
  };
}

customElements.define('check-card', CheckCard);
