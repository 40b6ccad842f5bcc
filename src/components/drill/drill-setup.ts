import { emit, requiredElement } from '../../lib/dom.ts';
import type { DrillFormat } from '../../lib/drill/clock.ts';

/** <drill-setup>: the prompt and format form; submitting asks for a drill with `drill-start`. */
export class DrillSetup extends HTMLElement {
  readonly #form = requiredElement<HTMLFormElement>(this, '[data-setup-form]', 'drill-setup');
  readonly #prompt = requiredElement<HTMLSelectElement>(this, '[data-prompt-select]', 'drill-setup');

  connectedCallback(): void {
    for (const control of this.#form.querySelectorAll<HTMLInputElement | HTMLButtonElement | HTMLSelectElement>(
      '[disabled]',
    ))
      control.disabled = false;
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      const form = new FormData(this.#form);
      const format: DrillFormat = form.get('format') === '60' ? 60 : 45;
      emit(this, 'drill-start', { promptId: String(form.get('prompt') ?? '') || null, format });
    });
  }

  focusPrompt(): void {
    this.#prompt.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'drill-setup': DrillSetup;
  }
  interface HTMLElementEventMap {
    /** Start a drill on this prompt (null: pick one at random) in this format. */
    'drill-start': CustomEvent<{ promptId: string | null; format: DrillFormat }>;
  }
}

customElements.define('drill-setup', DrillSetup);
