import type { Page } from '@playwright/test';

/** A review entry as IndexedDB holds it. */
export interface StoredEntry {
  id: string;
  cardId: string;
  rating: number;
  reviewedAt: number;
  cardHash: string;
  /** 'reading' when the grade was given inside a guide. */
  source?: string;
}

/** The review log IndexedDB holds, read by the page itself (so a fault injected into that page applies). */
export function storedLog(page: Page): Promise<StoredEntry[]> {
  return page.evaluate(
    () =>
      new Promise<StoredEntry[]>((resolve, reject) => {
        const open = indexedDB.open('vibe-check-progress');
        // Never create the database here (an empty one would be in the app's way): no database, no log.
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => (open.error?.name === 'AbortError' ? resolve([]) : reject(open.error));
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('log').objectStore('log').getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as StoredEntry[]);
          };
        };
      }),
  );
}

/** A record of the progress database's `meta` store (settings, visits…), or undefined when there is none. */
export function storedMeta(page: Page, key: string): Promise<unknown> {
  return page.evaluate(
    (k) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('vibe-check-progress');
        // Never create the database here (an empty one would be in the app's way).
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => (open.error?.name === 'AbortError' ? resolve(undefined) : reject(open.error));
        open.onsuccess = () => {
          const request = open.result.transaction('meta').objectStore('meta').get(k);
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
        };
      }),
    key,
  );
}
