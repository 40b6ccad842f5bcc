import type { FromImportWorker, ImportPreview, ToImportWorker } from './import-protocol.ts';
import type { GuideVisits, MarkEntry, ReviewEntry } from '../review-log/schema.ts';

export type ImportProgress = Extract<FromImportWorker, { type: 'progress' }>;

export class ImportFailedError extends Error {
  readonly reason: 'quota' | 'unreadable' | 'other';
  constructor(reason: 'quota' | 'unreadable' | 'other') {
    super(`The import could not be saved (${reason}).`);
    this.name = 'ImportFailedError';
    this.reason = reason;
  }
}

/** One import, from reading the file to writing it; `cancel()` ends the worker (nothing half-written). */
export interface ImportJob {
  preview: Promise<{ ok: true; preview: ImportPreview } | { ok: false; message: string }>;
  commit(mode: 'merge' | 'replace'): Promise<{ added: number; total: number }>;
  /** The validated entries and marks, for a store that lives in the page's memory. */
  contents(): Promise<{ entries: ReviewEntry[]; marks: MarkEntry[]; visits: GuideVisits }>;
  cancel(): void;
}

/** Starts the import worker on `file`. `stored` is given only when the log is not in IndexedDB. */
export function startImport(
  file: Blob,
  options: { now: number; stored?: readonly ReviewEntry[]; onProgress: (progress: ImportProgress) => void },
): ImportJob {
  // A module worker bundled by Vite into /_astro/: same origin, so the CSP's script-src 'self' allows it.
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module', name: 'import' });
  const waiting = new Map<FromImportWorker['type'], (message: FromImportWorker) => void>();
  const next = <T extends FromImportWorker['type']>(...types: T[]) =>
    new Promise<Extract<FromImportWorker, { type: T }>>((resolve) => {
      for (const type of types) waiting.set(type, resolve as (message: FromImportWorker) => void);
    });
  worker.addEventListener('message', (event: MessageEvent<FromImportWorker>) => {
    const message = event.data;
    if (message.type === 'progress') {
      options.onProgress(message);
      return;
    }
    const resolve = waiting.get(message.type);
    waiting.clear();
    resolve?.(message);
  });
  const send = (message: ToImportWorker) => worker.postMessage(message);
  const crashed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => reject(new Error(event.message || 'The import worker failed.')));
  });
  crashed.catch(() => {});

  const preview = Promise.race([next('refused', 'preview'), crashed]).then((message) =>
    message.type === 'preview'
      ? { ok: true as const, preview: message.preview }
      : { ok: false as const, message: message.message },
  );
  send({ type: 'read', file, now: options.now, ...(options.stored ? { stored: options.stored } : {}) });
  return {
    preview,
    async commit(mode) {
      const done = Promise.race([next('committed', 'failed'), crashed]);
      send({ type: 'commit', mode });
      const message = await done;
      if (message.type === 'failed') throw new ImportFailedError(message.reason);
      return { added: message.added, total: message.total };
    },
    async contents() {
      const done = Promise.race([next('entries'), crashed]);
      send({ type: 'entries' });
      const { entries, marks, visits } = await done;
      return { entries, marks, visits };
    },
    cancel: () => worker.terminate(),
  };
}
