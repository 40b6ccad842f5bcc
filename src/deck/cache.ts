import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builderFingerprint } from './builder-fingerprint.ts';
import type { FileResult } from './model.ts';

/**
 * What the per-file stage produced for one guide, kept on disk between runs:
 * parsing dominates build time, and between two builds most guides are unchanged.
 * An entry is keyed by the file's path and text and by a fingerprint of the
 * builder itself (every file of this folder, what they import, the lock file),
 * so a change to any of them misses the cache instead of serving stale results.
 */
export interface FileCache {
  get(path: string, source: string): FileResult | undefined;
  set(path: string, source: string, result: FileResult): void;
}

export const DEFAULT_CACHE_DIR = 'node_modules/.cache/vibe-check-deck';

/** A cache under `dir`, or `undefined` when the builder's own sources cannot be fingerprinted (e.g. when bundled). */
export function openFileCache(dir: string = DEFAULT_CACHE_DIR): FileCache | undefined {
  const version = cachedFingerprint();
  if (!version) return undefined;
  const root = resolve(dir);
  const keyOf = (path: string, source: string) =>
    createHash('sha256').update(version).update('\0').update(path).update('\0').update(source).digest('hex');
  return {
    get(path, source) {
      try {
        return JSON.parse(readFileSync(join(root, `${keyOf(path, source)}.json`), 'utf8')) as FileResult;
      } catch {
        return undefined;
      }
    },
    set(path, source, result) {
      try {
        mkdirSync(root, { recursive: true });
        const file = join(root, `${keyOf(path, source)}.json`);
        // Write then rename, so a concurrent build never reads half a file.
        const temp = `${file}.${process.pid}.tmp`;
        writeFileSync(temp, JSON.stringify(result));
        renameSync(temp, file);
      } catch {
        // A cache that cannot be written only costs time.
      }
    },
  };
}

let fingerprint: string | null | undefined;

function cachedFingerprint(): string | undefined {
  if (fingerprint === undefined) {
    try {
      const here = fileURLToPath(new URL('.', import.meta.url));
      fingerprint = builderFingerprint(here, resolve(here, '../..'));
    } catch {
      fingerprint = null;
    }
  }
  return fingerprint ?? undefined;
}
