import { conceptUrlSchema } from '../lib/deck-schema.ts';
import type { GuideFrontmatter } from '../lib/guide-schema.ts';
import { contentIdFromPath } from './content-files.ts';
import { extractPage } from './extract.ts';
import { readFrontmatter } from './frontmatter.ts';
import type { FileResult } from './model.ts';
import { parseMdx } from './parse.ts';
import type { Problem } from './problems.ts';

/** Parses one guide, validates its frontmatter and extracts its headings, cards and questions. */
export function processFile(path: string, source: string): FileResult {
  const problems: Problem[] = [];
  const parsed = parseMdx(source, path);
  if (!parsed.ok) return { page: undefined, problems: [parsed.problem] };
  const id = contentIdFromPath(path);
  const url = `/${id}/`;
  if (!conceptUrlSchema.safeParse(url).success) {
    problems.push({
      file: path,
      line: 1,
      column: 1,
      message: `the file name gives the URL ${url}; use only a-z, 0-9 and "-"`,
    });
  }
  const frontmatter = readFrontmatter(parsed.tree, path);
  if (!frontmatter.ok) problems.push(...frontmatter.problems);
  // Keep extracting with a stand-in so card problems in the same file are reported too.
  const data = frontmatter.ok ? frontmatter.data : standInFrontmatter(path);
  const fieldPlaces = frontmatter.ok ? frontmatter.fieldPlaces : {};
  const page = extractPage(parsed.tree, { file: path, source, id, url, frontmatter: data, fieldPlaces }, problems);
  return { page, problems };
}

function standInFrontmatter(path: string): GuideFrontmatter {
  return { title: path, description: path, section: 'start-here', order: 0, aliases: [], keywords: [], serves: [] };
}
