import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { VFileMessage } from 'vfile-message';
import type { Place, Problem } from './problems.ts';

// One frozen processor for every file: building it costs more than parsing a page.
const processor = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();

export type ParseResult = { ok: true; tree: Root } | { ok: false; problem: Problem };

/** Parses one MDX file into an mdast tree; a syntax error becomes a problem at its position. */
export function parseMdx(source: string, file: string): ParseResult {
  try {
    return { ok: true, tree: processor.parse(source) };
  } catch (error) {
    if (!isVFileMessage(error)) throw error;
    const place = messagePlace(error) ?? endOfFile(source);
    return { ok: false, problem: { file, ...place, message: `MDX syntax error: ${error.reason}` } };
  }
}

function isVFileMessage(error: unknown): error is VFileMessage {
  return error instanceof Error && 'reason' in error && 'ruleId' in error;
}

function messagePlace(error: VFileMessage): Place | undefined {
  const place = error.place;
  if (!place) return undefined;
  const point = 'start' in place ? place.start : place;
  return { line: point.line, column: point.column };
}

// micromark reports an element left open at the end of the file without a place.
function endOfFile(source: string): Place {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: source.length - lineStart + 1 };
}
