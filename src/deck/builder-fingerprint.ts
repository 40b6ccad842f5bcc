import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { compareCodeUnits } from '../lib/compare.ts';

/** Relative specifiers of static imports, re-exports and dynamic imports (`'./x.ts'`, `"../lib/y.ts"`). */
const RELATIVE_IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*(['"])(\.{1,2}\/[^'"]+)\1/gu;

/**
 * Every source file the builder runs: all of `builderDir` (so a new file can
 * never escape), plus whatever those files import from outside it, followed
 * transitively (the schemas, the section list, shared helpers).
 */
export function builderSources(builderDir: string): string[] {
  const pending = readdirSync(builderDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => resolve(builderDir, name));
  const seen = new Set<string>();
  while (pending.length > 0) {
    const file = pending.pop();
    // A specifier that names no file was matched in a comment: a real one fails the build first.
    if (file === undefined || seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const [, , specifier] of readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) {
      if (specifier !== undefined) pending.push(resolve(dirname(file), specifier));
    }
  }
  return [...seen].sort(compareCodeUnits);
}

/**
 * A hash of the builder's sources and of the lock file (the parser's version),
 * named relative to `root` so the same checkout in another folder agrees.
 */
export function builderFingerprint(builderDir: string, root: string): string {
  const hash = createHash('sha256');
  for (const file of [...builderSources(builderDir), join(root, 'package-lock.json')]) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}
