import { requiredElement } from '../../lib/dom.ts';

/**
 * <search-trigger>: the header's search button and Ctrl/⌘+K. It opens the dialog
 * at once (keys typed land in the input while the search code loads), then
 * imports <search-dialog>, which brings fuse.js and Pagefind, on first use.
 */
class SearchTrigger extends HTMLElement {
  readonly #button = requiredElement<HTMLButtonElement>(this, ':scope > button', 'search-trigger');
  readonly #dialog = requiredElement<HTMLDialogElement>(this, 'dialog', 'search-trigger');
  readonly #input = requiredElement<HTMLInputElement>(this.#dialog, 'input', 'search-trigger');

  connectedCallback(): void {
    const kbd = this.#button.querySelector('kbd');
    if (kbd && /Mac|iPhone|iPad/u.test(navigator.platform)) kbd.textContent = '⌘K';
    this.#button.addEventListener('click', this.#open);
    document.addEventListener('keydown', this.#onShortcut);
    const dialog = this.#dialog;
    dialog.addEventListener('close', () => this.#button.focus());
    requiredElement(dialog, '[data-close]', 'search-trigger').addEventListener('click', () => dialog.close());
    // A click on the backdrop lands on the dialog element itself.
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close();
    });
    this.#button.disabled = false;
  }

  disconnectedCallback(): void {
    document.removeEventListener('keydown', this.#onShortcut);
  }

  readonly #onShortcut = (event: KeyboardEvent): void => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      this.#open();
    }
  };

  readonly #open = (): void => {
    if (!this.#dialog.open) this.#dialog.showModal();
    this.#input.focus();
    this.#input.select();
    import('../search/search-dialog.ts').catch(() => {
      requiredElement(this.#dialog, '[role=status]', 'search-trigger').textContent =
        'Search could not load. Check your connection and try again.';
    });
  };
}

customElements.define('search-trigger', SearchTrigger);
