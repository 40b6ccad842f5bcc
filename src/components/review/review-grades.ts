import { emit, requiredElement } from '../../lib/dom.ts';
import { GRADE_NAMES } from '../../lib/review-log/rating-names.ts';
import type { ButtonPreview } from '../../lib/review/session.ts';
import { GRADES, type Grade } from '../../lib/srs/scheduler.ts';

/**
 * <review-grades>: Again, Hard, Good, Easy, each with the interval it would
 * schedule. A click emits `review-grade`; the keys 1–4 are the queue's.
 */
export class ReviewGrades extends HTMLElement {
  readonly #group = requiredElement<HTMLElement>(this, '[data-grades]', 'review-grades');
  readonly #buttons = GRADES.map((grade) => ({
    grade,
    button: requiredElement<HTMLButtonElement>(this, `[data-grade="${grade}"]`, 'review-grades'),
  }));

  connectedCallback(): void {
    for (const { grade, button } of this.#buttons)
      button.addEventListener('click', () => emit(this, 'review-grade', { grade }));
  }

  /** Shows the buttons (enabled) or hides them (disabled, so no stray click rates a hidden card). */
  toggle(visible: boolean): void {
    this.#group.hidden = !visible;
    for (const { button } of this.#buttons) button.disabled = !visible;
  }

  showPreviews(previews: readonly ButtonPreview[]): void {
    for (const { grade, button } of this.#buttons) {
      const preview = previews.find((p) => p.grade === grade);
      requiredElement<HTMLElement>(button, '[data-interval]', 'review-grades').textContent = preview?.label ?? '';
      button.setAttribute('aria-label', `${GRADE_NAMES[grade]}: ${preview?.description ?? ''} (key ${grade})`);
    }
  }

  /** Focus goes to Good, the usual answer, as in Anki. */
  focusGood(): void {
    this.#buttons.find(({ grade }) => grade === 3)?.button.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'review-grades': ReviewGrades;
  }
  interface HTMLElementEventMap {
    /** A grade button was pressed. */
    'review-grade': CustomEvent<{ grade: Grade }>;
  }
}

customElements.define('review-grades', ReviewGrades);
