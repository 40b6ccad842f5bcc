import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { slug } from 'github-slugger';
import { compareCodeUnits } from '../lib/compare.ts';

/**
 * Every `.mdx` file under `dir`, as sorted `/`-separated relative paths. Dot files
 * and folders are skipped, as Astro's glob loader (tinyglobby) skips them.
 */
export function listMdxFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (relative: string): void => {
    const entries = readdirSync(join(dir, relative), { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.endsWith('.mdx')) found.push(path);
    }
  };
  walk('');
  return found.sort(compareCodeUnits);
}

/**
 * The content id Astro's glob loader gives a file (`phases/constraints.mdx` →
 * `phases/constraints`): each path segment slugged, a trailing `/index` dropped.
 * The page URL is `/<id>/`.
 */
export function contentIdFromPath(path: string): string {
  const withoutExt = path.slice(0, path.length - '.mdx'.length);
  const id = withoutExt
    .split('/')
    .map((segment) => slug(segment))
    .join('/');
  return id.endsWith('/index') ? id.slice(0, -'/index'.length) : id;
}
