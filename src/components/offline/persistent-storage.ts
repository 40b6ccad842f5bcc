import { requiredElement } from '../../lib/dom.ts';

export type PersistenceState = 'granted' | 'refused' | 'unsupported';

export const PERSISTENCE_MESSAGES: Record<Exclude<PersistenceState, 'unsupported'>, string> = {
  granted: 'Storage is persistent: this browser will not clear your progress to free space.',
  refused:
    'This browser refused persistent storage, so it may clear your progress when the device runs low on space. Export your progress from the review page now and then to keep a copy.',
};

/** Asks for persistent storage once per page and shows the answer (nothing when the browser has no such API). */
class PersistentStorage extends HTMLElement {
  connectedCallback(): void {
    const message = requiredElement<HTMLElement>(this, '[data-message]', 'persistent-storage');
    void askForPersistence().then((state) => {
      if (state === 'unsupported') return;
      this.dataset['state'] = state;
      message.textContent = PERSISTENCE_MESSAGES[state];
      this.hidden = false;
    });
  }
}

async function askForPersistence(): Promise<PersistenceState> {
  const storage = navigator.storage;
  if (!storage?.persist || !storage.persisted) return 'unsupported';
  try {
    if (await storage.persisted()) return 'granted';
    return (await storage.persist()) ? 'granted' : 'refused';
  } catch {
    return 'refused';
  }
}

customElements.define('persistent-storage', PersistentStorage);
