import { showOfflineSearchStatus } from './offline-search-status.ts';

/**
 * <offline-search-note>: says how much of full-text search works offline. Its class
 * arrives with the search dialog's code (search-dialog.ts imports this file), so it
 * upgrades only once the reader opens search, and never costs a page load.
 */
class OfflineSearchNote extends HTMLElement {
  connectedCallback(): void {
    if (typeof caches === 'undefined') return;
    void showOfflineSearchStatus(this);
  }
}

customElements.define('offline-search-note', OfflineSearchNote);
