import { emit, requiredElement } from '../../lib/dom.ts';
import { isTyping } from '../../lib/keyboard.ts';
import { newMark } from '../../lib/review-log/new-mark.ts';
import type { MarkEntry } from '../../lib/review-log/schema.ts';
import { holdKeyAction } from '../../lib/review/hold-keys.ts';
import type { ReviewSession } from '../../lib/review/session.ts';

const required = <T extends Element>(root: ParentNode, selector: string): T =>
  requiredElement<T>(root, selector, 'review-holds');

/** The last hold made here, while it is still the latest thing the reader did. */
interface LastHold {
  mark: MarkEntry;
  /** The session's review count when it was made: a rating since then takes Ctrl+Z back. */
  reviewed: number;
}

/**
 * <review-holds>: suspends (`@`) or buries (`-`) the card on screen by appending
 * a mark, then asks the app to move on (`review-holds-change`). Undo (its
 * button, or Ctrl/⌘+Z while the hold is the latest action) removes that mark
 * again. Loaded when the browser is idle: /review/'s start-up budget is full.
 */
export class ReviewHolds extends HTMLElement {
  #session: ReviewSession | null = null;
  #last: LastHold | null = null;
  #busy = false;
  readonly #el = {
    bury: required<HTMLButtonElement>(this, '[data-hold="bury"]'),
    suspend: required<HTMLButtonElement>(this, '[data-hold="suspend"]'),
    text: required<HTMLElement>(this, '[data-hold-text]'),
    undo: required<HTMLButtonElement>(this, '[data-hold-undo]'),
  };

  connectedCallback(): void {
    this.#el.bury.addEventListener('click', () => void this.#hold('bury'));
    this.#el.suspend.addEventListener('click', () => void this.#hold('suspend'));
    this.#el.undo.addEventListener('click', () => void this.#undo());
    // Capture: Ctrl+Z reaches this before the queue's own undo of a rating.
    document.addEventListener('keydown', this.#onKey, { capture: true });
  }

  disconnectedCallback(): void {
    document.removeEventListener('keydown', this.#onKey, { capture: true });
  }

  /** Starts acting on `session`: its write path stores the marks, reports to the status and tells other tabs. */
  connectSession(session: ReviewSession): void {
    this.#session = session;
    this.#el.bury.disabled = false;
    this.#el.suspend.disabled = false;
  }

  readonly #onKey = (event: KeyboardEvent): void => {
    if (!this.#session || isTyping(event.target)) return;
    const command = event.ctrlKey || event.metaKey;
    if (command && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'z') {
      if (!this.#undoable()) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      void this.#undo();
      return;
    }
    const kind = holdKeyAction(event);
    if (!kind || !this.#session.current) return;
    event.preventDefault();
    void this.#hold(kind);
  };

  #undoable(): boolean {
    return this.#last !== null && this.#last.reviewed === this.#session?.tally.reviewed;
  }

  async #hold(kind: 'bury' | 'suspend'): Promise<void> {
    const session = this.#session;
    const current = session?.current;
    if (!session || !current || this.#busy) return;
    this.#busy = true;
    try {
      // The store dates the mark after the card's latest one, so a suspension dated a little ahead is still undone.
      const { batch, saved } = await session.log.writeBatch({
        entries: [],
        marks: [newMark(kind, current.card.id, Date.now())],
      });
      session.applyMarks(batch.marks, []);
      const [mark] = batch.marks;
      this.#last = mark ? { mark, reviewed: session.tally.reviewed } : null;
      this.#say(
        (kind === 'bury'
          ? 'Card buried: it comes back tomorrow (after 4 AM).'
          : 'Card suspended: it stays out of reviews until you unsuspend it in the card list.') + notSaved(saved),
      );
      emit(this, 'review-holds-change', {});
    } catch {
      this.#say('That could not be saved; the card was not held. Try again.', false);
    } finally {
      this.#busy = false;
    }
  }

  async #undo(): Promise<void> {
    const session = this.#session;
    const last = this.#last;
    if (!session || !last || this.#busy) return;
    this.#busy = true;
    try {
      const { saved } = await session.log.removeBatch({ entries: [], marks: [last.mark] });
      session.applyMarks([], [last.mark.id]);
      this.#last = null;
      this.#say((last.mark.kind === 'bury' ? 'Burial undone.' : 'Suspension undone.') + notSaved(saved), false);
      emit(this, 'review-holds-change', {});
    } catch {
      this.#say('That undo could not be saved; the card is still held. Try again.', true);
    } finally {
      this.#busy = false;
    }
  }

  #say(text: string, canUndo = true): void {
    this.#el.text.textContent = text;
    this.#el.undo.hidden = !canUndo;
  }
}

/** Said after a change that stayed in this tab's memory (the status line says why). */
function notSaved(saved: boolean): string {
  return saved ? '' : ' This is NOT saved: progress is kept for this tab only.';
}

declare global {
  interface HTMLElementTagNameMap {
    'review-holds': ReviewHolds;
  }
  interface HTMLElementEventMap {
    /** A card was suspended or buried here, or that was undone: the queue moves on. */
    'review-holds-change': CustomEvent<Record<string, never>>;
  }
}

customElements.define('review-holds', ReviewHolds);
