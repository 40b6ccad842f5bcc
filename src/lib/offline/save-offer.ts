import { html } from '../dom.ts';

/**
 * "Read offline too?": a polite, dismissible note shown once after the app is installed,
 * pointing to the save control on the about page. It never takes focus.
 */
export function showSaveOffer(base: string): void {
  const note = html('div', { className: 'save-offer', attrs: { role: 'status' } });
  document.body.prepend(note);
  // A live region announces content added after it exists, so fill it a moment later.
  setTimeout(() => {
    note.append(
      html('p', { text: 'Installed. Read the guides offline too?' }),
      html('a', {
        className: 'save-offer-go',
        attrs: { href: `${base}about/#offline` },
        text: 'Save all guides for offline',
      }),
      html('button', {
        className: 'save-offer-later',
        attrs: { type: 'button' },
        text: 'Not now',
        on: { click: () => note.remove() },
      }),
    );
  }, 50);
}
