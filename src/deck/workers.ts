import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileResult } from './model.ts';
import { processFile } from './process-file.ts';

/**
 * Below this many files per worker, starting workers costs more than it saves:
 * each one loads and compiles the whole parser (a second or more), about the
 * time it takes to parse a hundred or so typical guides.
 */
export const MIN_FILES_PER_WORKER = 150;
const MAX_WORKERS = 8;

/**
 * Runs the per-file stage over `paths` (sorted), in worker threads when that
 * pays, and returns the results in the same order. Falls back to this thread
 * if workers cannot start (e.g. a runtime without worker support).
 */
export async function processFilesInWorkers(
  contentDir: string,
  paths: readonly string[],
  minFilesPerWorker = MIN_FILES_PER_WORKER,
): Promise<FileResult[]> {
  const count = Math.min(MAX_WORKERS, availableParallelism(), Math.floor(paths.length / minFilesPerWorker));
  if (count < 2) return inThisThread(contentDir, paths);
  // Interleave files so each worker gets a similar mix of long and short pages.
  const shares = Array.from({ length: count }, (_, w) => paths.filter((_, i) => i % count === w));
  try {
    const parts = await Promise.all(shares.map((share) => runWorker(contentDir, share)));
    return paths.map((_, i) => {
      const result = parts[i % count]?.[Math.floor(i / count)];
      if (!result) throw new Error(`deck worker lost the result for ${paths[i] ?? i}`);
      return result;
    });
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_WORKER_INIT_FAILED') throw error;
    return inThisThread(contentDir, paths);
  }
}

function inThisThread(contentDir: string, paths: readonly string[]): FileResult[] {
  return paths.map((path) => processFile(path, readFileSync(join(contentDir, path), 'utf8')));
}

function runWorker(contentDir: string, paths: readonly string[]): Promise<FileResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./extract-worker.ts', import.meta.url), { workerData: { contentDir, paths } });
    worker.once('message', (results: FileResult[]) => resolve(results));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`deck worker exited with code ${code}`));
    });
  });
}
