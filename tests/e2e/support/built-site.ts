import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { DeckCard } from '../../../src/lib/deck-schema.ts';
import { buildDir } from './fixture-site.ts';

/** The fixture site's deck (deck.json), as the pages read it. */
export function builtDeck(dir: string = distDir()): { cards: DeckCard[] } {
  return JSON.parse(readFileSync(join(dir, 'deck.json'), 'utf8')) as { cards: DeckCard[] };
}

/** The folder holding the fixture site's build (see fixture-site.ts and global-setup). */
export function distDir(): string {
  return buildDir('fixture');
}

/** The fixture site built with BASE_PATH=/vibe/. */
export function vibeDistDir(): string {
  return buildDir('fixtureVibe');
}

/** The real guides' build, for the smoke suite only. */
export function realDistDir(): string {
  return buildDir('real');
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

/** Internal links of a build that lead to no file, or to no element with the anchor's id, as `from → href (why)`. */
export function brokenLinks(dir: string): string[] {
  const idsByPage = new Map<string, Set<string>>();
  const idsOf = (path: string) => {
    let ids = idsByPage.get(path);
    if (!ids) {
      ids = new Set([...readPage(path, dir).matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? ''));
      idsByPage.set(path, ids);
    }
    return ids;
  };
  const broken: string[] = [];
  for (const from of builtPages(dir)) {
    for (const [, href = ''] of readPage(from, dir).matchAll(/\shref="([^"]+)"/g)) {
      if (/^(https?:|mailto:|data:)/.test(href)) continue;
      const url = new URL(href.replaceAll('&amp;', '&'), `http://site${from}`);
      const path = url.pathname;
      const target = path.endsWith('/') ? join(dir, path, 'index.html') : join(dir, path);
      if (!existsSync(target)) {
        broken.push(`${from} → ${href} (no file)`);
        continue;
      }
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && path.endsWith('/') && !idsOf(path).has(anchor)) broken.push(`${from} → ${href} (no #${anchor})`);
    }
  }
  return broken;
}

/** The guide pages of a build (`/section/slug/`), by section, in URL order. */
export function guidePagesBySection(pages: readonly string[], sectionIds: readonly string[]): Map<string, string[]> {
  const bySection = new Map<string, string[]>();
  for (const page of pages) {
    const [, section = '', slug, rest] = page.split('/');
    if (!sectionIds.includes(section) || !slug || rest !== '') continue;
    bySection.set(section, [...(bySection.get(section) ?? []), page]);
  }
  return bySection;
}
