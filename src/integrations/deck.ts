import { writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import {
  buildDeckFromDir,
  buildDeckFromDirParallel,
  DECK_FILES,
  DeckContentError,
  formatProblem,
  openFileCache,
  serializeOutputs,
  type BuildResult,
} from '../deck/index.ts';
import { contentDirFrom } from '../lib/deployment.ts';
import { plural } from '../lib/plural.ts';
import { deckModulePlugin, invalidateDeckModule, type DeckModuleState } from './deck-module.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Builds the flashcard deck from content/ with the deck builder (src/deck), once:
 * - `astro build` fails early, before any page renders, listing every content problem;
 * - pages import the build from `virtual:vibe-check/deck` (see deck-module.ts);
 * - the deck files land in the output folder at `astro:build:done`, before the
 *   integrations listed after this one (Pagefind, the service worker) run;
 * - `astro dev` serves them from memory and rebuilds when a guide changes.
 */
export function deckIntegration(): AstroIntegration {
  let contentDir = '';
  let contentLabel = 'content';
  let base = '/';
  const siteUrl = process.env['SITE_URL'];
  let build: BuildResult | undefined;
  // Serialized once per build: dev requests hit this on every fetch of a deck file.
  let files: Map<string, string> | undefined;

  /** The current build; in dev, made on first use after a change (in this thread: a handful of guides). */
  const current = (): BuildResult => (build ??= buildDeckFromDir(contentDir));
  const invalidate = (): void => {
    build = undefined;
    files = undefined;
  };
  const problemsText = (result: BuildResult): string =>
    result.ok ? '' : result.problems.map((p) => formatProblem(p, contentLabel)).join('\n');
  const outputs = (): Map<string, string> | undefined => {
    const result = current();
    if (!result.ok) return undefined;
    return (files ??= serializeOutputs(result.build, { siteUrl, base }));
  };
  const moduleState = (): DeckModuleState => {
    const result = current();
    return result.ok
      ? { data: { deck: result.build.deck, questionIndex: result.build.questionIndex }, problems: '' }
      : { data: null, problems: problemsText(result) };
  };
  const reportProblems = (logger: AstroIntegrationLogger): boolean => {
    const result = current();
    if (result.ok) return false;
    logger.error(new DeckContentError(result.problems, contentLabel).message);
    return true;
  };

  return {
    name: 'vibe-check:deck',
    hooks: {
      'astro:config:setup': async ({ config, command, updateConfig }) => {
        contentDir = resolve(fileURLToPath(config.root), contentDirFrom(process.env));
        contentLabel = relative(process.cwd(), contentDir).split(sep).join('/') || 'content';
        base = config.base;
        updateConfig({ vite: { plugins: [deckModulePlugin(moduleState)] } });
        if (command !== 'build') return;
        invalidate();
        // Worker threads and the parse cache: the build can wait for them, the dev server's first page need not.
        build = await buildDeckFromDirParallel(contentDir, { cache: openFileCache() });
        if (!build.ok) throw new DeckContentError(build.problems, contentLabel);
      },
      'astro:server:setup': ({ server, logger }) => {
        reportProblems(logger);
        server.watcher.on('all', (_event, path) => {
          if (!path.startsWith(contentDir) || !path.endsWith('.mdx')) return;
          invalidate();
          invalidateDeckModule(server);
          if (!reportProblems(logger)) logger.info('deck rebuilt');
        });
        const prefix = base.endsWith('/') ? base : `${base}/`;
        const names = new Set<string>(Object.values(DECK_FILES));
        server.middlewares.use((req, res, next) => {
          const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
          const name = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname.slice(1);
          if (!names.has(name)) return next();
          const body = outputs()?.get(name);
          if (body === undefined) {
            res.statusCode = 500;
            res.setHeader('content-type', 'text/plain; charset=utf-8');
            res.end(problemsText(current()) || 'deck unavailable');
            return;
          }
          res.setHeader('content-type', CONTENT_TYPES[name.slice(name.lastIndexOf('.'))] ?? 'text/plain');
          res.setHeader('cache-control', 'no-store');
          res.end(body);
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const result = current();
        const written = outputs();
        if (!result.ok || !written) throw new DeckContentError(result.ok ? [] : result.problems, contentLabel);
        const outDir = fileURLToPath(dir);
        for (const [name, text] of written) writeFileSync(join(outDir, name), text);
        logger.info(`wrote ${[...written.keys()].join(', ')} (${plural(result.build.deck.cards.length, 'card')})`);
      },
    },
  };
}
