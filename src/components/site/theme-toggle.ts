import { requiredElement } from '../../lib/dom.ts';

/** Shared with the inline script in BaseLayout, which applies the stored theme before first paint. */
const KEY = 'vibe-check:theme';

type Theme = 'light' | 'dark';

function currentTheme(): Theme {
  const set = document.documentElement.dataset['theme'];
  if (set === 'light' || set === 'dark') return set;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** <theme-toggle>: switches between light and dark and remembers the choice. */
class ThemeToggle extends HTMLElement {
  readonly #button = requiredElement<HTMLButtonElement>(this, 'button', 'theme-toggle');

  connectedCallback(): void {
    this.#showPressed();
    this.#button.addEventListener('click', () => {
      const next: Theme = currentTheme() === 'dark' ? 'light' : 'dark';
      document.documentElement.dataset['theme'] = next;
      try {
        localStorage.setItem(KEY, next);
      } catch {
        // Storage can be blocked (private mode); the toggle still works for this page.
      }
      this.#showPressed();
    });
    this.#button.disabled = false;
  }

  #showPressed(): void {
    this.#button.setAttribute('aria-pressed', String(currentTheme() === 'dark'));
  }
}

customElements.define('theme-toggle', ThemeToggle);
