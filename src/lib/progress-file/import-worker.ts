import { openProgressLog } from '../store/progress-log.ts';
import { LogUnreadableError, openProgressStore } from '../store/progress-store.ts';
import { isQuotaError } from '../store/storage-status.ts';
import { parseProgressFile } from './file.ts';
import { describeImportFailure, UNREADABLE_IMPORT } from './import-wording.ts';
import { IMPORT_REFUSED, type ImportCalls, type ImportFailureReason, type ImportProgress } from './import-protocol.ts';
import { WorkerError, serve } from '../worker-rpc.ts';
import { mergeLogs, summarizeMerge } from '../review-log/merge.ts';
import { logFingerprint } from '../srs/replay-cache.ts';
import { replayLog } from '../srs/replay.ts';
import { createScheduler } from '../srs/scheduler.ts';
import type { ProgressFile } from './file-schema.ts';

/**
 * The import's heavy steps, off the page's main thread: a 50 MB file parses and
 * validates here while the page keeps answering input and shows progress.
 */

let pending: ProgressFile | null = null;

async function read(
  { file, now, stored }: ImportCalls['read']['request'],
  post: (progress: ImportProgress) => void,
): Promise<ImportCalls['read']['reply']> {
  post({ stage: 'reading', done: 0, total: file.size });
  const text = await file.text();
  const result = parseProgressFile(text, now, (done, total) => post({ stage: 'checking', done, total }));
  if (!result.ok) throw new WorkerError(result.message, IMPORT_REFUSED);
  post({ stage: 'comparing', done: 0, total: result.file.log.length });
  let current = stored;
  if (!current) {
    try {
      current = (await (await openProgressStore()).store.load()).entries;
    } catch {
      throw new WorkerError(UNREADABLE_IMPORT, IMPORT_REFUSED);
    }
  }
  pending = result.file;
  return {
    logLength: result.file.log.length,
    marks: result.file.marks?.length ?? 0,
    clamped: result.clamped,
    maxAheadMs: result.maxAheadMs,
    merge: summarizeMerge(mergeLogs(current, result.file.log)),
    storedCount: current.length,
    settings: result.file.settings,
    drills: result.file.drills ?? null,
  };
}

async function commit(
  { mode }: ImportCalls['commit']['request'],
  post: (progress: ImportProgress) => void,
): Promise<ImportCalls['commit']['reply']> {
  const file = pending;
  if (!file) throw new WorkerError('There is no file to import: choose it again.', IMPORT_REFUSED);
  post({ stage: 'writing', done: 0, total: file.log.length });
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
    if (!saved) throw new WorkerError(describeImportFailure('other'), 'other');
    // Replaying hundreds of thousands of reviews takes seconds: done here, the page restores the result.
    const { entries, settings } = await log.store.load();
    const states = replayLog(createScheduler(settings), entries);
    await log.saveSnapshot({ fingerprint: logFingerprint(entries, settings), states: [...states] });
    return result;
  } catch (error) {
    const reason: ImportFailureReason =
      error instanceof LogUnreadableError ? 'unreadable' : isQuotaError(error) ? 'quota' : 'other';
    throw new WorkerError(describeImportFailure(reason), reason);
  }
}

serve<ImportCalls>({
  read,
  commit,
  entries: async () => ({ entries: pending?.log ?? [], marks: pending?.marks ?? [], visits: pending?.visits ?? {} }),
});
