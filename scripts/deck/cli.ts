import { parseArgs } from 'node:util';
import {
  buildDeckFromDirParallel,
  countBySeverity,
  formatFinding,
  formatProblem,
  openFileCache,
  serializeOutputs,
  summaryTable,
  writeOutputs,
  type DeckLint,
} from '../../src/deck/index.ts';
import { plural } from '../../src/lib/plural.ts';

const USAGE = `Usage: npm run deck -- [--content DIR] [--out DIR] [--lint] [--site-url URL] [--base PATH] [--cache]

Builds the flashcard deck from the MDX guides in DIR (default: content).
Without --out it only validates. The card linter always runs and its errors
fail the build; --lint also prints every warning and a table of findings by rule.
SITE_URL and BASE_PATH from the environment are used when --site-url and --base are not given (absolute links in the Anki export).
--cache reuses guides parsed by earlier runs (node_modules/.cache/vibe-check-deck),
as the Astro build does; without it every guide is parsed.`;

/**
 * The deck builder's command line (contract): on invalid content it prints one
 * `path:line:column: message` line per problem, exits 1 and writes nothing.
 */
export async function main(argv: readonly string[], env: Record<string, string | undefined>): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      options: {
        content: { type: 'string', default: 'content' },
        out: { type: 'string' },
        'site-url': { type: 'string' },
        base: { type: 'string' },
        cache: { type: 'boolean' },
        lint: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const contentDir = args.content;
  let result;
  try {
    result = await buildDeckFromDirParallel(contentDir, { cache: args.cache ? openFileCache() : undefined });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      console.error(`No content folder at ${contentDir}`);
      return 2;
    }
    throw error;
  }
  if (!result.ok) {
    if (args.lint && result.lint) {
      printLint(result.lint, contentDir);
    } else {
      for (const problem of result.problems) console.error(formatProblem(problem, contentDir));
    }
    console.error(`${plural(result.problems.length, 'problem')}; nothing written.`);
    return 1;
  }
  const { deck, questionIndex, lint } = result.build;
  if (args.lint) printLint(lint, contentDir);
  const authored = deck.cards.filter((c) => c.origin === 'authored').length;
  const clozes = deck.cards.filter((c) => c.kind === 'cloze').length;
  const { warnings } = countBySeverity(lint.findings);
  const summary = `${deck.cards.length} cards (${authored} authored, ${deck.cards.length - authored} generated; ${clozes} cloze), ${questionIndex.entries.length} search entries, ${questionIndex.concepts.length} concepts, ${plural(warnings, 'lint warning')}`;
  if (args.out === undefined) {
    console.log(`Content is valid: ${summary}.`);
    return 0;
  }
  const files = serializeOutputs(result.build, {
    siteUrl: args['site-url'] ?? env['SITE_URL'],
    base: args.base ?? env['BASE_PATH'],
  });
  writeOutputs(args.out, files);
  console.log(`Wrote ${[...files.keys()].join(', ')} to ${args.out}: ${summary}.`);
  return 0;
}

/** Every finding, one line each, then the table by rule: on stdout, since with --lint they are the output asked for. */
function printLint(lint: DeckLint, contentDir: string): void {
  for (const finding of lint.findings) console.log(formatFinding(finding, contentDir));
  if (lint.findings.length > 0) console.log('');
  console.log(summaryTable(lint.findings, lint.notesLinted));
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2), process.env);
