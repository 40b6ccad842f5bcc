import { unwrap, type IDBPDatabase } from 'idb';
import type { ProgressDb } from './db.ts';
import { LogUnreadableError } from './log-errors.ts';

/** Every readable entry, and which cards have entries that cannot be read (keys need no value read). */
export async function loadEntryByEntry(
  db: IDBPDatabase<ProgressDb>,
): Promise<{ raw: unknown[]; unreadable: number; unreadableCards: string[] }> {
  const keys: [cardId: string, id: string][] = [];
  try {
    let cursor = await db.transaction('log').store.index('byCard').openKeyCursor();
    while (cursor) {
      keys.push([cursor.key, cursor.primaryKey]);
      cursor = await cursor.continue();
    }
  } catch (error) {
    throw new LogUnreadableError(error);
  }
  const store = unwrap(db).transaction('log', 'readonly').objectStore('log');
  const raw: unknown[] = [];
  const unreadableCards = new Set<string>();
  let unreadable = 0;
  await Promise.all(
    keys.map(
      ([cardId, id]) =>
        new Promise<void>((resolve) => {
          const request = store.get(id);
          request.onsuccess = () => {
            raw.push(request.result);
            resolve();
          };
          request.onerror = (event) => {
            // Handled: without this a failed read aborts the transaction and every read after it.
            event.preventDefault();
            event.stopPropagation();
            unreadable++;
            unreadableCards.add(cardId);
            resolve();
          };
        }),
    ),
  );
  return { raw, unreadable, unreadableCards: [...unreadableCards].sort() };
}
