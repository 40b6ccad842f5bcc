import { requiredElement } from '../../lib/dom.ts';
import { listSavedPages } from '../../lib/offline/saved-pages.ts';

/**
 * Shows the note when the app is installed for offline and some guides are not saved:
 * offline, full-text search finds only saved guides.
 */
export async function showOfflineSearchStatus(note: HTMLElement): Promise<void> {
  const text = requiredElement<HTMLElement>(note, '[data-text]', 'offline-search-note');
  const total = Number(note.dataset['guides'] ?? '0');
  if (!navigator.serviceWorker?.controller || total === 0) return;
  const base = new URL(import.meta.env.BASE_URL, location.href).href;
  // A guide is two segments under the base (`phases/constraints/`); section pages are one.
  const saved = (await listSavedPages()).filter(
    (page) => page.href.startsWith(base) && page.href.slice(base.length).split('/').length === 3,
  ).length;
  if (saved >= total) return;
  text.textContent = navigator.onLine
    ? `${saved} of ${total} guides are saved for offline search.`
    : `Offline: search covers the ${saved} of ${total} guides saved on this device.`;
  note.hidden = false;
}
