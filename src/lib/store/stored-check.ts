import type { MarkEntry, ReviewEntry, ReviewSettings } from '../review-log/schema.ts';
import { connect, type Client } from '../worker-rpc.ts';
import type { StoredCheckCalls } from './stored-check-protocol.ts';

/**
 * Validates what IndexedDB hands back (entries, marks, settings) against the zod schemas, in a
 * module worker when the store runs on a page: the schemas and zod stay out of the page's start-up
 * JavaScript and its main thread, while the reads themselves stay on the page (so a browser's
 * storage faults reach the page as they are). Elsewhere (a worker, Node in tests), or when the
 * worker cannot start, the same checks run in place.
 */
export interface StoredCheck {
  entries(raw: unknown[]): Promise<{ entries: ReviewEntry[]; invalid: number }>;
  marks(raw: unknown[]): Promise<MarkEntry[]>;
  settings(raw: unknown): Promise<ReviewSettings>;
}

const inPlace = () => import('../review-log/stored.ts');

let client: Client<StoredCheckCalls> | null | undefined;

function workerClient(): Client<StoredCheckCalls> | null {
  if (client !== undefined) return client;
  try {
    client =
      !('document' in globalThis) || typeof Worker === 'undefined'
        ? null
        : connect<StoredCheckCalls>(
            new Worker(new URL('./stored-check-worker.ts', import.meta.url), { type: 'module', name: 'stored-check' }),
            // Never shown: a failed check worker falls back to the same checks in place.
            { crashMessage: 'The stored-data check worker failed.' },
          );
  } catch {
    client = null;
  }
  return client;
}

/** One call, in the worker when there is one; in place if the worker is missing or fails. */
async function check<K extends keyof StoredCheckCalls & string>(
  type: K,
  request: StoredCheckCalls[K]['request'],
  local: (checks: Awaited<ReturnType<typeof inPlace>>) => StoredCheckCalls[K]['reply'],
): Promise<StoredCheckCalls[K]['reply']> {
  const worker = workerClient();
  if (worker) {
    try {
      return await worker.call(type, request);
    } catch {
      client = null;
    }
  }
  return local(await inPlace());
}

export const storedCheck: StoredCheck = {
  entries: (raw) => check('entries', raw, (c) => c.validateStoredEntries(raw)),
  marks: (raw) => check('marks', raw, (c) => c.validateStoredMarks(raw)),
  settings: (raw) => check('settings', raw, (c) => c.validateStoredSettings(raw)),
};
