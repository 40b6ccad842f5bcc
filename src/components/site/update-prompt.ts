import { html } from '../../lib/dom.ts';

/** A live region announces content added after it exists, so the prompt is filled a moment after it is inserted. */
const FILL_DELAY_MS = 50;

/**
 * <update-prompt>: "Update available — Reload / Later", a polite live region at the
 * start of <body> (the first stop of Tab), pinned to the bottom of the screen. It
 * never takes focus: keys typed into a review keep going to the review. Created
 * once, the first time a new version is waiting; guide pages pay nothing before.
 */
class UpdatePrompt extends HTMLElement {
  #accept = (): void => {};

  connectedCallback(): void {
    if (this.childElementCount > 0) return;
    this.className = 'update-prompt';
    this.setAttribute('role', 'status');
    setTimeout(() => {
      const reload = html(
        'button',
        {
          className: 'update-prompt-reload',
          attrs: { type: 'button' },
          on: {
            click: () => {
              reload.disabled = true;
              this.#accept();
            },
          },
        },
        'Reload',
      );
      const later = html(
        'button',
        {
          className: 'update-prompt-later',
          attrs: { type: 'button', 'aria-label': 'Later: keep this version until the next visit' },
          on: { click: () => (this.hidden = true) },
        },
        'Later',
      );
      this.append(html('p', { text: 'Update available' }), reload, later);
    }, FILL_DELAY_MS);
  }

  /** Shows the prompt again; `accept` runs when the reader chooses to reload. */
  offer(accept: () => void): void {
    this.#accept = accept;
    this.hidden = false;
  }
}

customElements.define('update-prompt', UpdatePrompt);

declare global {
  interface HTMLElementTagNameMap {
    'update-prompt': UpdatePrompt;
  }
}

/** Offers a waiting version through the page's one <update-prompt>, creating it the first time. */
export function offerUpdate(accept: () => void): void {
  let prompt = document.querySelector('update-prompt');
  if (!prompt) {
    prompt = html('update-prompt');
    document.body.prepend(prompt);
  }
  prompt.offer(accept);
}
