import { whenIdle } from '../../lib/when-idle.ts';

/**
 * <guide-memory>: when the browser is idle, records that this guide was opened
 * and, if the reader has answered any of its cards, shows what they remember
 * (`memory-overlay.ts`, loaded then, so the page's first JavaScript stays small).
 */
class GuideMemory extends HTMLElement {
  connectedCallback(): void {
    whenIdle(() => void import('./memory-overlay.ts').then(({ showMemory }) => showMemory(this)));
  }
}

customElements.define('guide-memory', GuideMemory);
