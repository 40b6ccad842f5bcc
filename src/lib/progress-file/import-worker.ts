/// <reference lib="webworker" />
import { openProgressLog } from '../store/progress-log.ts';
import { LogUnreadableError, openProgressStore } from '../store/progress-store.ts';
import { isQuotaError } from '../store/storage-status.ts';
import { parseProgressFile } from './file.ts';
import type { FromImportWorker, ToImportWorker } from './import-protocol.ts';
import { mergeLogs, summarizeMerge } from '../review-log/merge.ts';
import { logFingerprint } from '../srs/replay-cache.ts';
import { replayLog } from '../srs/replay.ts';
import { createScheduler } from '../srs/scheduler.ts';
import type { ProgressFile } from './file-schema.ts';

/**
 * The import's heavy steps, off the page's main thread: a 50 MB file parses and
 * validates here while the page keeps answering input and shows progress.
 */

const scope = self as unknown as DedicatedWorkerGlobalScope;
let pending: ProgressFile | null = null;

function post(message: FromImportWorker): void {
  scope.postMessage(message);
}

const UNREADABLE =
  'You cannot import while the stored reviews cannot be read: merging needs them, and replacing would discard them. Reload the page and try again. Nothing was changed.';

async function read(file: Blob, now: number, stored: readonly ProgressFile['log'][number][] | undefined) {
  post({ type: 'progress', stage: 'reading', done: 0, total: file.size });
  const text = await file.text();
  const result = parseProgressFile(text, now, (done, total) =>
    post({ type: 'progress', stage: 'checking', done, total }),
  );
  if (!result.ok) {
    post({ type: 'refused', message: result.message });
    return;
  }
  post({ type: 'progress', stage: 'comparing', done: 0, total: result.file.log.length });
  let current = stored;
  if (!current) {
    try {
      current = (await (await openProgressStore()).store.load()).entries;
    } catch {
      post({ type: 'refused', message: UNREADABLE });
      return;
    }
  }
  pending = result.file;
  post({
    type: 'preview',
    preview: {
      logLength: result.file.log.length,
      marks: result.file.marks?.length ?? 0,
      clamped: result.clamped,
      maxAheadMs: result.maxAheadMs,
      merge: summarizeMerge(mergeLogs(current, result.file.log)),
      storedCount: current.length,
      settings: result.file.settings,
      drills: result.file.drills ?? null,
    },
  });
}

async function commit(mode: 'merge' | 'replace') {
  const file = pending;
  if (!file) return;
  post({ type: 'progress', stage: 'writing', done: 0, total: file.log.length });
  try {
    // The page tells other tabs once it has reloaded, so this log does not broadcast.
    const log = await openProgressLog();
    const { saved, ...result } = await log.importLog(
      file.log,
      mode,
      file.settings,
      file.marks ?? [],
      file.visits ?? {},
    );
    // Only a page whose store is IndexedDB commits here: memory in this worker would be lost at once.
    if (!saved) {
      post({ type: 'failed', reason: 'other' });
      return;
    }
    // Replaying hundreds of thousands of reviews takes seconds: done here, the page restores the result.
    const { entries, settings } = await log.store.load();
    const states = replayLog(createScheduler(settings), entries);
    await log.saveSnapshot({ fingerprint: logFingerprint(entries, settings), states: [...states] });
    post({ type: 'committed', ...result });
  } catch (error) {
    post({
      type: 'failed',
      reason: error instanceof LogUnreadableError ? 'unreadable' : isQuotaError(error) ? 'quota' : 'other',
    });
  }
}

scope.addEventListener('message', (event: MessageEvent<ToImportWorker>) => {
  const message = event.data;
  if (message.type === 'read') void read(message.file, message.now, message.stored);
  else if (message.type === 'commit') void commit(message.mode);
  else
    post({ type: 'entries', entries: pending?.log ?? [], marks: pending?.marks ?? [], visits: pending?.visits ?? {} });
});
