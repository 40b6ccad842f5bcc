import type { PageRecord } from './model.ts';
import type { Place, Problem } from './problems.ts';

/**
 * Checks that need every page at once: two files claiming one URL, an id used
 * twice anywhere on the site, and `also` links to pages or headings that do not
 * exist. Pages must come in file order so the first use of an id is the one kept.
 */
export function validateAcrossPages(pages: readonly PageRecord[]): Problem[] {
  const problems: Problem[] = [];
  const pagesByUrl = new Map<string, PageRecord>();
  const slugsByUrl = new Map<string, Set<string>>();
  for (const page of pages) {
    const clash = pagesByUrl.get(page.url);
    if (clash) {
      problems.push({
        file: page.file,
        line: 1,
        column: 1,
        message: `page URL ${page.url} is already used by ${clash.file}`,
      });
      continue;
    }
    pagesByUrl.set(page.url, page);
    slugsByUrl.set(page.url, new Set(page.headings.map((h) => h.slug)));
  }

  const firstUse = new Map<string, { file: string; place: Place }>();
  for (const page of pages) {
    for (const note of page.notes) {
      const first = firstUse.get(note.id);
      if (first) {
        problems.push({
          file: page.file,
          ...note.place,
          message: `duplicate id "${note.id}" (first used at ${first.file}:${first.place.line}:${first.place.column})`,
        });
      } else {
        firstUse.set(note.id, { file: page.file, place: note.place });
      }
      for (const link of note.also) {
        const message = checkLink(link.url, pagesByUrl, slugsByUrl);
        if (message) problems.push({ file: page.file, ...link.place, message });
      }
    }
  }
  return problems;
}

function checkLink(
  url: string,
  pagesByUrl: ReadonlyMap<string, PageRecord>,
  slugsByUrl: ReadonlyMap<string, ReadonlySet<string>>,
): string | undefined {
  const prefix = `also link "${url}"`;
  if (!url.startsWith('/') || url.startsWith('//')) {
    return `${prefix} must be a site-relative URL like /phases/constraints/#latency-budget`;
  }
  const hash = url.indexOf('#');
  const path = hash === -1 ? url : url.slice(0, hash);
  const anchor = hash === -1 ? undefined : url.slice(hash + 1);
  if (!pagesByUrl.has(path)) {
    if (!path.endsWith('/') && pagesByUrl.has(`${path}/`)) return `${prefix}: page URLs end with a slash (${path}/)`;
    return `${prefix}: no guide page at ${path}`;
  }
  if (anchor === undefined) return undefined;
  if (anchor === '') return `${prefix}: empty anchor after #`;
  if (!slugsByUrl.get(path)?.has(anchor)) return `${prefix}: no heading with id "${anchor}" on ${path}`;
  return undefined;
}
