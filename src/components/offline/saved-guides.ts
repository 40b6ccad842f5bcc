import { html, requiredElement } from '../../lib/dom.ts';
import { compareCodeUnits } from '../../lib/compare.ts';
import { listSavedPages } from '../../lib/offline/saved-pages.ts';

/** Lists the saved guides under their sections (rendered with the page, in the site's order). */
class SavedGuides extends HTMLElement {
  connectedCallback(): void {
    const status = requiredElement<HTMLElement>(this, '[data-status]', 'saved-guides');
    if (typeof caches === 'undefined') {
      status.textContent = 'This browser keeps no pages for offline use.';
      return;
    }
    const base = new URL(import.meta.env.BASE_URL, location.href).href;
    listSavedPages().then(
      (pages) => {
        // Guides only: two segments under the base (`phases/constraints/`).
        const guides = pages
          .map((page) => ({ ...page, path: page.href.slice(base.length).split('/') }))
          .filter((page) => page.href.startsWith(base) && page.path.length === 3)
          .sort((a, b) => compareCodeUnits(a.title, b.title));
        status.textContent =
          guides.length === 0
            ? 'No guides are saved on this device yet. Guides you open are kept; next time you are online you can save them all.'
            : `Saved on this device (${guides.length}):`;
        for (const group of this.querySelectorAll<HTMLElement>('[data-section]')) {
          const inSection = guides.filter((page) => page.path[0] === group.dataset['section']);
          requiredElement(group, 'ul', 'saved-guides').replaceChildren(
            ...inSection.map((page) => html('li', {}, html('a', { attrs: { href: page.href }, text: page.title }))),
          );
          group.hidden = inSection.length === 0;
        }
      },
      () => (status.textContent = 'The saved guides could not be read.'),
    );
  }
}

customElements.define('saved-guides', SavedGuides);
