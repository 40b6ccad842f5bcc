import { connect } from '../worker-rpc.ts';
import type { ReviewEntry } from '../review-log/schema.ts';
import type { ImportCalls, ImportPreview, ImportProgress } from './import-protocol.ts';
import { IMPORT_STOPPED } from './import-wording.ts';

/**
 * One import, from reading the file to writing it, in a worker of its own;
 * `cancel()` ends the worker (nothing half-written). Every step rejects with a
 * `WorkerError` whose message says what happened and that nothing was changed.
 */
export interface ImportJob {
  preview: Promise<ImportPreview>;
  commit(mode: 'merge' | 'replace'): Promise<ImportCalls['commit']['reply']>;
  /** The validated entries and marks, for a store that lives in the page's memory. */
  contents(): Promise<ImportCalls['entries']['reply']>;
  cancel(): void;
}

/** Starts the import worker on `file`. `stored` is given only when the log is not in IndexedDB. */
export function startImport(
  file: Blob,
  options: { now: number; stored?: readonly ReviewEntry[]; onProgress: (progress: ImportProgress) => void },
): ImportJob {
  // A module worker bundled by Vite into /_astro/: same origin, so the CSP's script-src 'self' allows it.
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module', name: 'import' });
  const client = connect<ImportCalls>(worker, { crashMessage: IMPORT_STOPPED });
  const preview = client.call(
    'read',
    { file, now: options.now, ...(options.stored ? { stored: options.stored } : {}) },
    options.onProgress,
  );
  // Awaited by the page; this keeps a cancelled import's rejection from being reported as unhandled.
  preview.catch(() => {});
  return {
    preview,
    commit: (mode) => client.call('commit', { mode }, options.onProgress),
    contents: () => client.call('entries', null),
    cancel: () => client.close(),
  };
}
