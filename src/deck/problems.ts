import { compareCodeUnits } from '../lib/compare.ts';

/** One thing wrong with the content, pinned to a place in a file. */
export interface Problem {
  /** File path relative to the content folder, with `/` separators. */
  file: string;
  /** 1-based line and column. */
  line: number;
  column: number;
  message: string;
}

export interface Place {
  line: number;
  column: number;
}

/** Orders problems by file, then position, so the report reads top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      compareCodeUnits(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compareCodeUnits(a.message, b.message),
  );
}

/** `path:line:column: message`, the format editors and CI annotators understand. */
export function formatProblem(problem: Problem, contentDir: string): string {
  const prefix = contentDir === '' || contentDir === '.' ? '' : `${contentDir.replace(/\/+$/u, '')}/`;
  return `${prefix}${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}
