import { emit, requiredElement } from '../../lib/dom.ts';
import { SETTINGS_LIMITS_MESSAGE, settingsSchema, type ReviewSettings as Settings } from '../../lib/progress/schema.ts';

/**
 * <review-settings>: validates the form and asks for the change with a
 * `review-settings-change` event; the owner of the session applies it, then
 * calls `confirmSaved()`.
 */
export class ReviewSettings extends HTMLElement {
  readonly #form = requiredElement<HTMLFormElement>(this, '[data-settings-form]', 'review-settings');
  readonly #save = requiredElement<HTMLButtonElement>(this, '[data-settings-save]', 'review-settings');
  readonly #status = requiredElement<HTMLElement>(this, '[data-settings-status]', 'review-settings');
  readonly #error = requiredElement<HTMLElement>(this, '[data-settings-error]', 'review-settings');
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
      if (input instanceof HTMLInputElement) input.value = String(value);
    }
    this.#save.disabled = false;
  }

  /** Says whether the settings reached storage (`message` comes from the page's storage status). */
  confirmSaved(message: string): void {
    this.#status.textContent = message;
  }

  readonly #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const data = new FormData(this.#form);
    const parsed = settingsSchema.safeParse({
      ...this.#current,
      newPerDay: Number(data.get('newPerDay')),
      desiredRetention: Number(data.get('desiredRetention')),
      maximumInterval: Number(data.get('maximumInterval')),
    });
    this.#status.textContent = '';
    this.#error.textContent = parsed.success ? '' : SETTINGS_LIMITS_MESSAGE;
    if (parsed.success) emit(this, 'review-settings-change', { settings: parsed.data });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'review-settings': ReviewSettings;
  }
  interface HTMLElementEventMap {
    /** The reader saved valid settings. */
    'review-settings-change': CustomEvent<{ settings: Settings }>;
  }
}

customElements.define('review-settings', ReviewSettings);
