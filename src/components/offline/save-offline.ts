import { requiredElement } from '../../lib/dom.ts';
import type { SaveOfflineController } from './save-offline-controller.ts';

/**
 * "Save all guides for offline". The button works from the upgrade; what it needs (the
 * pack's schema, the downloads, the status) loads when the control is on screen or
 * clicked, so a page that shows it lower down pays nothing for it up front.
 */
class SaveOffline extends HTMLElement {
  #controller: Promise<SaveOfflineController> | undefined;

  connectedCallback(): void {
    const save = requiredElement<HTMLButtonElement>(this, '[data-save]', 'save-offline');
    const summary = requiredElement<HTMLElement>(this, '[data-summary]', 'save-offline');
    if (typeof caches === 'undefined' || !('serviceWorker' in navigator)) {
      summary.textContent = 'This browser cannot keep pages for offline use (private browsing can block it).';
      return;
    }
    const load = () =>
      (this.#controller ??= import('./save-offline-controller.ts').then(
        ({ SaveOfflineController }) => new SaveOfflineController(this),
      ));
    save.addEventListener('click', () => void load().then((controller) => controller.save()));
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      void load();
    });
    observer.observe(this);
    save.disabled = false;
  }
}

customElements.define('save-offline', SaveOffline);
