import { requiredElement } from '../../lib/dom.ts';
import type { ReviewSession } from '../../lib/review/session.ts';

/**
 * <review-summary>: the end of a session. Its wording loads when a session ends, not with the
 * page (the review's start-up budget is spent on showing the first card).
 */
export class ReviewSummary extends HTMLElement {
  readonly #section = requiredElement<HTMLElement>(this, '[data-summary]', 'review-summary');
  readonly #text = requiredElement<HTMLElement>(this, '[data-summary-text]', 'review-summary');

  hide(): void {
    this.#section.hidden = true;
  }

  /** Shows the summary of `session`; `announce` gets its text for screen readers once written. */
  show(session: ReviewSession, nextLearningIn: number | null, announce: (text: string) => void): void {
    this.#section.hidden = false;
    void import('../../lib/review/session-wording.ts').then(({ describeSessionEnd }) => {
      if (session.current) return; // A card came back (undo) while it loaded.
      const text = describeSessionEnd({ tally: session.tally, cram: session.cram, now: Date.now(), nextLearningIn });
      this.#text.textContent = text;
      announce(`Session complete. ${text}`);
    });
  }

  /** Moves focus to the summary, where a keyboard user lands when the last card is answered. */
  focusSummary(): void {
    this.#section.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'review-summary': ReviewSummary;
  }
}

customElements.define('review-summary', ReviewSummary);
