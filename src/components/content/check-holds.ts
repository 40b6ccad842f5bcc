import { requiredElement } from '../../lib/dom.ts';
import type { MarkEntry } from '../../lib/review-log/schema.ts';
import { NOT_SAVED_WORDS } from '../../lib/reading/grade-wording.ts';
import { gradingWorker } from '../../lib/reading/grading-client.ts';
import type { PromptCard } from '../../lib/reading/reading-grader.ts';

/**
 * Suspend and bury for a prompt in a guide, loaded with its grading (on the
 * first reveal): the marks are appended by the grading worker, which tells an
 * open /review/ to drop the card. While held, the prompt offers Undo (or, for
 * a card found suspended, Unsuspend) in place of the grades.
 */

const HELD_WORDS = {
  suspend: 'Suspended — it will not appear in reviews.',
  bury: 'Buried until tomorrow — it comes back in reviews after 4 AM.',
} as const;
const FAILED = 'That could not be saved. Try again, or use /review/cards/.';

export class PromptHolds {
  readonly #cards: readonly PromptCard[];
  readonly #panel: HTMLElement;
  readonly #summary: HTMLElement;
  readonly #done: HTMLElement;
  readonly #status: HTMLElement;
  readonly #action: HTMLButtonElement;
  /** What Undo removes; empty while a suspension found on reveal offers Unsuspend. */
  #marks: MarkEntry[] = [];
  #busy = false;
  /** The grades give way to the held line. */
  active = false;

  constructor(block: HTMLElement, cards: readonly PromptCard[], panel: HTMLElement, summary: HTMLElement) {
    const part = <T extends HTMLElement>(selector: string) => requiredElement<T>(block, selector, 'check-card');
    this.#cards = cards;
    this.#panel = panel;
    this.#summary = summary;
    this.#done = part('[data-hold-done]');
    this.#status = part('[data-hold-status]');
    this.#action = part<HTMLButtonElement>('[data-hold-action]');
    part('[data-hold="suspend"]').addEventListener('click', () => void this.#hold('suspend'));
    part('[data-hold="bury"]').addEventListener('click', () => void this.#hold('bury'));
    this.#action.addEventListener('click', () => void this.#release());
  }

  /** A card of the prompt is suspended already: say so, with Unsuspend instead of the grades. */
  showSuspended(): void {
    if (this.active) return;
    this.#marks = [];
    this.#held('suspend', 'Unsuspend', false);
  }

  async #hold(kind: 'suspend' | 'bury'): Promise<void> {
    await this.#busyWith(async () => {
      const { marks, saved } = await gradingWorker().call('hold', { cards: [...this.#cards], kind, now: Date.now() });
      this.#marks = marks;
      this.#held(kind, 'Undo', true, saved);
    });
  }

  #held(kind: keyof typeof HELD_WORDS, action: string, focus: boolean, saved = true): void {
    this.active = true;
    this.#panel.hidden = true;
    this.#done.hidden = false;
    this.#status.textContent = saved ? HELD_WORDS[kind] : `${HELD_WORDS[kind].split(' — ')[0]}: ${NOT_SAVED_WORDS}`;
    this.#action.textContent = action;
    this.#action.hidden = false;
    if (focus) this.#action.focus();
  }

  /** Undo the suspension or burial made here, or unsuspend a card found suspended. */
  async #release(): Promise<void> {
    await this.#busyWith(async () => {
      if (this.#marks.length > 0) {
        const { saved } = await gradingWorker().call('unhold', { marks: this.#marks });
        this.#status.textContent = saved ? '' : `Undone: ${NOT_SAVED_WORDS}`;
        this.#done.hidden = saved;
        this.#action.hidden = !saved;
      } else {
        const { saved } = await gradingWorker().call('hold', {
          cards: [...this.#cards],
          kind: 'unsuspend',
          now: Date.now(),
        });
        this.#status.textContent = saved ? 'Unsuspended — it is back in reviews.' : `Unsuspended: ${NOT_SAVED_WORDS}`;
        this.#action.hidden = true;
      }
      this.#marks = [];
      this.active = false;
      this.#panel.hidden = false;
      this.#summary.focus();
    });
  }

  async #busyWith(work: () => Promise<void>): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    try {
      await work();
    } catch {
      this.#done.hidden = false;
      this.#action.hidden = true;
      this.#status.textContent = FAILED;
    } finally {
      this.#busy = false;
    }
  }
}
