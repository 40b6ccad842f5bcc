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
        open.onerror = () => reject(open.error);
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
