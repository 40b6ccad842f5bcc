import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The folder holding the build under test (see global-setup). */
export function distDir(): string {
  return process.env['E2E_DIST'] || 'dist';
}

export function vibeDistDir(): string {
  return process.env['E2E_VIBE_DIST'] || 'dist-vibe';
}

/** Every HTML page of a build as its URL path (`/phases/constraints/`), 404 page included. */
export function builtPages(dir: string = distDir()): string[] {
  const pages: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.html')) {
        const rel = relative(dir, full).split(sep).join('/');
        pages.push(
          rel === 'index.html'
            ? '/'
            : rel.endsWith('/index.html')
              ? `/${rel.slice(0, -'index.html'.length)}`
              : `/${rel}`,
        );
      }
    }
  };
  walk(dir);
  return pages.sort();
}

export function readPage(path: string, dir: string = distDir()): string {
  const file = path.endsWith('/') ? join(dir, path, 'index.html') : join(dir, path);
  return readFileSync(file, 'utf8');
}
