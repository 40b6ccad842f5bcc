import { requiredElement } from '../../lib/dom.ts';
import type { StorageStatus } from '../../lib/store/storage-status.ts';

const OFFLINE_TEXT = 'Offline: reviewing still works and progress is saved in this browser.';
const ONLINE_TEXT = 'Online.';

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

  /** Shows what the page's one `StorageHealth` says: the headline, and each problem in the warning. */
  showStorage(status: StorageStatus): void {
    this.#storage.textContent = status.headline;
    const text = status.problems.join(' ');
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
