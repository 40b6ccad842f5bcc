import { plural } from '../lib/plural.ts';
import { formatProblem, type Problem } from './problems.ts';

/** Invalid content: the message lists every problem as `path:line:column: message`, one a line. */
export class DeckContentError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[], contentLabel: string) {
    super(
      `Invalid deck content (${plural(problems.length, 'problem')}):\n` +
        problems.map((p) => formatProblem(p, contentLabel)).join('\n'),
    );
    this.name = 'DeckContentError';
    this.problems = problems;
  }
}
