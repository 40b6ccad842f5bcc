import { requiredElement } from '../../lib/dom.ts';
import { plural } from '../../lib/plural.ts';

const OFFLINE_TEXT = 'Offline: reviewing still works and progress is saved in this browser.';
const ONLINE_TEXT = 'Online.';

/** What the status line reports about storage after a load, an answer or a change of settings. */
export interface StorageReport {
  /** Why progress cannot be kept, or null when it is being saved. */
  problem: string | null;
  /** Stored reviews that failed validation and are ignored. */
  invalid: number;
}

/** <review-status>: the network state (kept live) and whether progress is being kept. */
export class ReviewStatus extends HTMLElement {
  readonly #network = requiredElement<HTMLElement>(this, '[data-network]', 'review-status');
  readonly #storage = requiredElement<HTMLElement>(this, '[data-storage]', 'review-status');
  readonly #warning = requiredElement<HTMLElement>(this, '[data-warning]', 'review-status');

  connectedCallback(): void {
    this.#showNetwork();
    window.addEventListener('online', this.#showNetwork);
    window.addEventListener('offline', this.#showNetwork);
  }

  disconnectedCallback(): void {
    window.removeEventListener('online', this.#showNetwork);
    window.removeEventListener('offline', this.#showNetwork);
  }

  showStorage({ problem, invalid }: StorageReport): void {
    this.#storage.textContent = problem
      ? 'Progress is NOT being saved.'
      : 'Progress is saved in this browser after every answer.';
    const notes = [problem, invalid > 0 ? `Ignored ${plural(invalid, 'stored review')} that could not be read.` : null];
    const text = notes.filter(Boolean).join(' ');
    // Rewriting an unchanged alert would announce it again.
    if (this.#warning.textContent !== text) this.#warning.textContent = text;
  }

  readonly #showNetwork = (): void => {
    const online = navigator.onLine;
    this.#network.dataset['network'] = online ? 'online' : 'offline';
    this.#network.textContent = online ? ONLINE_TEXT : OFFLINE_TEXT;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'review-status': ReviewStatus;
  }
}

customElements.define('review-status', ReviewStatus);
