import { emit, requiredElement } from '../../lib/dom.ts';
import { plural } from '../../lib/plural.ts';
import type { ReviewSettings as Settings } from '../../lib/review-log/schema.ts';

/**
 * <review-settings>: reads the form and asks for the change with a
 * `review-settings-change` event; the owner of the session validates it with
 * the schema (its code loads with the page; this form's loads when idle), then
 * calls `confirmSaved()` or `showError()`.
 */
export class ReviewSettings extends HTMLElement {
  readonly #form = requiredElement<HTMLFormElement>(this, '[data-settings-form]', 'review-settings');
  readonly #save = requiredElement<HTMLButtonElement>(this, '[data-settings-save]', 'review-settings');
  readonly #status = requiredElement<HTMLElement>(this, '[data-settings-status]', 'review-settings');
  readonly #error = requiredElement<HTMLElement>(this, '[data-settings-error]', 'review-settings');
  readonly #unread = requiredElement<HTMLElement>(this, '[data-unread-count]', 'review-settings');
  /** The stored settings: the form edits three of them, the interview and fitted parameters ride along. */
  #current: Settings | null = null;

  connectedCallback(): void {
    this.#form.addEventListener('submit', this.#onSubmit);
  }

  disconnectedCallback(): void {
    this.#form.removeEventListener('submit', this.#onSubmit);
  }

  /** Shows the settings in use and lets the reader change them. */
  fill(settings: Settings): void {
    this.#current = settings;
    for (const [name, value] of Object.entries(settings)) {
      const input = this.#form.elements.namedItem(name);
      if (input instanceof HTMLInputElement) input[input.type === 'checkbox' ? 'checked' : 'value'] = value as never;
    }
    this.#save.disabled = false;
  }

  /** How many new cards wait in guides not opened yet (0 hides the note). */
  showUnread(count: number): void {
    this.#unread.textContent =
      count > 0 ? `${plural(count, 'new card waits', 'new cards wait')} in guides you have not opened yet.` : '';
  }

  /** Says whether the settings reached storage (`message` comes from the page's storage status). */
  confirmSaved(message: string): void {
    this.#status.textContent = message;
  }

  readonly #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const data = new FormData(this.#form);
    this.#status.textContent = '';
    this.#error.textContent = '';
    emit(this, 'review-settings-change', {
      settings: {
        // The interview and the fitted parameters are not in this form: they ride along unchanged.
        ...this.#current,
        newPerDay: Number(data.get('newPerDay')),
        desiredRetention: Number(data.get('desiredRetention')),
        maximumInterval: Number(data.get('maximumInterval')),
        onlyReadGuides: data.has('onlyReadGuides'),
      },
    });
  };

  /** The settings were refused (`message` says what is allowed). */
  showError(message: string): void {
    this.#error.textContent = message;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'review-settings': ReviewSettings;
  }
  interface HTMLElementEventMap {
    /** The reader saved the settings (not yet validated). */
    'review-settings-change': CustomEvent<{ settings: Settings }>;
  }
}

customElements.define('review-settings', ReviewSettings);
