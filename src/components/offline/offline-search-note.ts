/** Checks what is saved the first time the search dialog takes focus, never on page load. */
class OfflineSearchNote extends HTMLElement {
  connectedCallback(): void {
    const dialog = this.closest('dialog');
    if (!dialog || typeof caches === 'undefined') return;
    dialog.addEventListener(
      'focusin',
      () =>
        void import('./offline-search-status.ts').then(({ showOfflineSearchStatus }) => showOfflineSearchStatus(this)),
      { once: true },
    );
  }
}

customElements.define('offline-search-note', OfflineSearchNote);
