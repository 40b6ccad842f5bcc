import { writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import {
  DeckContentError,
  getDeckData,
  getDeckDataIfValid,
  invalidateDeck,
  loadDeck,
  loadDeckParallel,
  type DeckData,
} from '../deck/load.ts';
import { DECK_FILES, serializeOutputs } from '../deck/outputs.ts';
import { contentDirFrom } from '../lib/deployment.ts';
import { formatProblem } from '../deck/problems.ts';

export { DeckContentError, getDeckData, getDeckDataIfValid, type DeckData };

const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Builds the flashcard deck from content/ with the deck builder (src/deck):
 * - `astro build` fails early, before any page renders, listing every content problem;
 * - the deck files land in the output folder at `astro:build:done`, before the
 *   integrations listed after this one (Pagefind, the service worker) run;
 * - `astro dev` serves them from memory and rebuilds when a guide changes.
 */
export function deckIntegration(): AstroIntegration {
  let contentDir = '';
  let contentLabel = 'content';
  let base = '/';
  const siteUrl = process.env['SITE_URL'];

  // Serialized once per build result: dev requests hit this on every fetch of a deck file.
  const serialized = new WeakMap<object, Map<string, string>>();
  const outputs = (): Map<string, string> | undefined => {
    const result = loadDeck(contentDir);
    if (!result.ok) return undefined;
    let files = serialized.get(result.build);
    if (!files) {
      files = serializeOutputs(result.build, { siteUrl, base });
      serialized.set(result.build, files);
    }
    return files;
  };

  const reportProblems = (logger: AstroIntegrationLogger): boolean => {
    const result = loadDeck(contentDir);
    if (result.ok) return false;
    logger.error(new DeckContentError(result.problems, contentLabel).message);
    return true;
  };

  return {
    name: 'vibe-check:deck',
    hooks: {
      'astro:config:setup': async ({ config, command }) => {
        contentDir = resolve(fileURLToPath(config.root), contentDirFrom(process.env));
        contentLabel = relative(process.cwd(), contentDir).split(sep).join('/') || 'content';
        base = config.base;
        if (command !== 'build') return;
        invalidateDeck(contentDir);
        const result = await loadDeckParallel(contentDir);
        if (!result.ok) throw new DeckContentError(result.problems, contentLabel);
      },
      'astro:server:setup': ({ server, logger }) => {
        reportProblems(logger);
        server.watcher.on('all', (_event, path) => {
          if (!path.startsWith(contentDir) || !path.endsWith('.mdx')) return;
          invalidateDeck(contentDir);
          if (!reportProblems(logger)) logger.info('deck rebuilt');
        });
        const prefix = base.endsWith('/') ? base : `${base}/`;
        const names = new Set<string>(Object.values(DECK_FILES));
        server.middlewares.use((req, res, next) => {
          const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
          const name = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname.slice(1);
          if (!names.has(name)) return next();
          const files = outputs();
          const body = files?.get(name);
          if (body === undefined) {
            const result = loadDeck(contentDir);
            res.statusCode = 500;
            res.setHeader('content-type', 'text/plain; charset=utf-8');
            res.end(
              result.ok ? 'deck unavailable' : result.problems.map((p) => formatProblem(p, contentLabel)).join('\n'),
            );
            return;
          }
          res.setHeader('content-type', CONTENT_TYPES[name.slice(name.lastIndexOf('.'))] ?? 'text/plain');
          res.setHeader('cache-control', 'no-store');
          res.end(body);
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const files = outputs();
        if (!files) throw new DeckContentError(problemsOf(contentDir), contentLabel);
        const outDir = fileURLToPath(dir);
        for (const [name, text] of files) writeFileSync(join(outDir, name), text);
        const { deck } = getDeckData(contentDir);
        logger.info(`wrote ${[...files.keys()].join(', ')} (${deck.cards.length} cards)`);
      },
    },
  };
}

function problemsOf(contentDir: string) {
  const result = loadDeck(contentDir);
  return result.ok ? [] : result.problems;
}
