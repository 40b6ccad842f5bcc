import { html, requiredElement } from '../../lib/dom.ts';
import { htmlToText } from '../../lib/html-text.ts';
import { isActivatable, isTyping } from '../../lib/keyboard.ts';
import { reviewKeyAction } from '../../lib/review/review-keys.ts';
import { cardKindLabel } from '../../lib/review/card-kind.ts';
import type { CurrentCard, ReviewSession } from '../../lib/review/session.ts';
import type { Grade } from '../../lib/srs/scheduler.ts';
import type { SyncMessage } from '../../lib/store/sync.ts';
import { withBase } from '../../lib/urls.ts';
// Upgraded first, so the queue can drive them.
import './review-grades.ts';
import './review-summary.ts';

/** setTimeout's longest delay; a longer wait would fire at once. */
const LONGEST_TIMEOUT = 2_147_483_647;

const required = <T extends Element>(root: ParentNode, selector: string): T =>
  requiredElement<T>(root, selector, 'review-queue');

/**
 * <review-queue>: the current card, its buttons and keys (Space/Enter, 1–4,
 * Ctrl/⌘+Z), the counts and the end-of-session summary. It drives the
 * `ReviewSession` it is given; whether each answer was kept reaches the status
 * line through the session's `StorageHealth`, not through the queue.
 */
export class ReviewQueue extends HTMLElement {
  #session: ReviewSession | null = null;
  #revealed = false;
  #busy = false;
  #waitTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #el = {
    counts: required<HTMLElement>(this, '[data-counts]'),
    focus: required<HTMLElement>(this, '[data-focus]'),
    focusText: required<HTMLElement>(this, '[data-focus-text]'),
    card: required<HTMLElement>(this, '[data-card]'),
    edited: required<HTMLElement>(this, '[data-edited]'),
    reset: required<HTMLButtonElement>(this, '[data-reset]'),
    front: required<HTMLElement>(this, '[data-front]'),
    back: required<HTMLElement>(this, '[data-back]'),
    concept: required<HTMLAnchorElement>(this, '[data-concept]'),
    actions: required<HTMLElement>(this, '[data-actions]'),
    show: required<HTMLButtonElement>(this, '[data-show]'),
    grades: required<HTMLElementTagNameMap['review-grades']>(this, 'review-grades'),
    undo: required<HTMLButtonElement>(this, '[data-undo]'),
    summary: required<HTMLElementTagNameMap['review-summary']>(this, 'review-summary'),
    live: required<HTMLElement>(this, '[data-live]'),
  };

  connectedCallback(): void {
    document.addEventListener('keydown', this.#onKey);
    this.#el.show.addEventListener('click', () => this.#reveal());
    this.addEventListener('review-grade', (event) => void this.#rate(event.detail.grade));
    this.#el.undo.addEventListener('click', () => void this.#undo());
    this.#el.reset.addEventListener('click', () => void this.#resetCurrent());
  }

  disconnectedCallback(): void {
    document.removeEventListener('keydown', this.#onKey);
    clearTimeout(this.#waitTimer);
  }

  /** The deck could not be loaded: says why instead of showing an empty card. */
  showDeckError(message: string): void {
    this.pause(
      `${message} If you are offline, open the review page once while online so it can be saved for offline use.`,
    );
  }

  /** Reviewing cannot start (the stored log cannot be read): says why instead of showing a card. */
  pause(message: string): void {
    this.#el.card.hidden = true;
    this.#el.actions.hidden = true;
    this.#el.counts.textContent = message;
  }

  /** Says what a `?concepts=` link (drill mode's focused review) narrows the session to. */
  showFocus(labels: readonly string[], what = 'what your drill flagged'): void {
    this.#el.focusText.textContent =
      labels.length > 0
        ? `Focused on ${what}: ${labels.join('; ')}.`
        : 'This link asks for concepts that are no longer in the deck.';
    this.#el.focus.hidden = false;
  }

  /** Starts reviewing: the first card shows and the controls come alive. */
  start(session: ReviewSession): void {
    this.#session = session;
    this.#el.actions.hidden = false;
    this.next();
  }

  /** Shows the next card in the queue, or the summary when there is none. */
  next(): void {
    const session = this.#session;
    if (!session) return;
    clearTimeout(this.#waitTimer);
    const current = session.advance();
    if (current) this.#renderCard(current);
    else this.#renderDone();
  }

  /** Counts and intervals changed under the current card (settings, another tab). */
  refresh(): void {
    if (!this.#session) return;
    if (!this.#session.current) {
      this.next();
      return;
    }
    this.#renderCounts();
    if (this.#revealed) this.#renderPreviews();
  }

  /** Folds in another tab's change; moves on if it answered the card shown here. */
  async applyRemote(message: SyncMessage): Promise<void> {
    const session = this.#session;
    if (!session) return;
    if (await session.applyRemote(message)) {
      this.next();
      // After the next card's own announcement has been written, so it does not replace this one.
      const why =
        message.type === 'marks'
          ? 'This card was suspended or buried in another tab; moving on.'
          : 'This card was answered in another tab; moving on.';
      this.#announce(`${why} ${this.#el.live.textContent ?? ''}`);
    } else this.refresh();
  }

  readonly #onKey = (event: KeyboardEvent): void => {
    if (!this.#session || isTyping(event.target)) return;
    const action = reviewKeyAction(event, {
      hasCard: this.#session.current !== null,
      revealed: this.#revealed,
      onControl: isActivatable(event.target),
    });
    if (!action) return;
    event.preventDefault();
    if (action.type === 'undo') void this.#undo();
    else if (action.type === 'reveal') this.#reveal();
    else void this.#rate(action.grade);
  };

  #renderCard(current: CurrentCard): void {
    const { card } = current;
    const el = this.#el;
    this.#revealed = false;
    el.summary.hide();
    el.card.hidden = false;
    el.card.dataset['kind'] = card.kind;
    // The deck's HTML is the site's own, rendered from its MDX at build time.
    el.front.innerHTML = card.front;
    el.front.hidden = false;
    el.back.innerHTML = card.back;
    el.back.hidden = true;
    el.edited.hidden = !current.edited;
    el.concept.href = withBase(card.concept);
    el.concept.hidden = false;
    el.concept.textContent = `Read about it in the guide: ${card.conceptTitle.join(' › ')}`;
    el.grades.toggle(false);
    el.show.hidden = false;
    el.show.disabled = false;
    this.#renderCounts();
    el.undo.disabled = !this.#session?.canUndo;
    this.#announce(`${cardKindLabel(current.kind)}: ${htmlToText(card.front)}`);
  }

  #renderCounts(): void {
    const session = this.#session;
    if (!session) return;
    const counts = session.counts();
    const number = (value: number) => html('b', {}, value);
    this.#el.counts.replaceChildren(
      ...(session.cram
        ? ['Cram: ', number(counts.cram), ' left · the schedule is not changed']
        : ['New ', number(counts.fresh), ' · Learning ', number(counts.learning), ' · Due ', number(counts.review)]),
    );
  }

  #reveal(): void {
    const current = this.#session?.current;
    if (this.#revealed || !current) return;
    this.#revealed = true;
    this.#el.front.hidden = current.card.kind === 'cloze';
    this.#el.back.hidden = false;
    this.#el.show.hidden = true;
    this.#renderPreviews();
    this.#el.grades.toggle(true);
    this.#announce(`Answer: ${htmlToText(current.card.back)}`);
    this.#el.grades.focusGood();
  }

  #renderPreviews(): void {
    this.#el.grades.showPreviews(this.#session?.previews() ?? []);
  }

  async #rate(grade: Grade): Promise<void> {
    const session = this.#session;
    if (!session?.current || !this.#revealed || this.#busy) return;
    this.#busy = true;
    try {
      const outcome = await session.rate(grade);
      if (outcome === 'already-rated') this.#announce('This card was just answered in another tab; moving on.');
      this.next();
      this.#el.show.focus();
      if (!session.current) this.#el.summary.focusSummary();
    } finally {
      this.#busy = false;
    }
  }

  async #undo(): Promise<void> {
    const session = this.#session;
    if ((!session?.canUndo && !session?.cram) || this.#busy) return;
    this.#busy = true;
    try {
      const current = await session.undo();
      if (!current) return;
      this.#renderCard(current);
      this.#announce(`Undone. ${this.#el.live.textContent ?? ''}`);
      this.#el.show.focus();
    } finally {
      this.#busy = false;
    }
  }

  async #resetCurrent(): Promise<void> {
    const session = this.#session;
    const current = session?.current;
    if (!session || !current) return;
    await session.resetCard(current.card.id);
    this.#el.edited.hidden = true;
    this.refresh();
    this.#announce('Progress on this card was reset; it is new again.');
    if (this.#revealed) this.#el.grades.focusGood();
    else this.#el.show.focus();
  }

  #renderDone(): void {
    const session = this.#session;
    if (!session) return;
    const el = this.#el;
    this.#revealed = false;
    el.card.hidden = true;
    el.actions.hidden = false;
    el.show.hidden = true;
    el.grades.toggle(false);
    el.undo.disabled = !session.canUndo && !session.cram;
    this.#renderCounts();
    const wait = session.nextLearningIn();
    if (wait !== null) this.#waitTimer = setTimeout(() => this.next(), Math.min(wait + 500, LONGEST_TIMEOUT));
    el.summary.show(session, wait, (text) => this.#announce(text));
  }

  #announce(text: string): void {
    this.#el.live.textContent = text;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'review-queue': ReviewQueue;
  }
}

customElements.define('review-queue', ReviewQueue);
