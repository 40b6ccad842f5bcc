import { isRunnableDevEnvironment, type Plugin, type ViteDevServer } from 'vite';
import type { DeckData } from '../deck/index.ts';

/** What pages import the deck from (typed in virtual-deck.d.ts). */
export const DECK_MODULE_ID = 'virtual:vibe-check/deck';
const RESOLVED_ID = `\0${DECK_MODULE_ID}`;

/** The deck as pages see it: the data, or, for invalid content, null and the problems. */
export type DeckModuleState = { data: DeckData; problems: '' } | { data: null; problems: string };

/**
 * Serves the deck build to pages as a module, the way Starlight serves its
 * config: the integration owns the one build and pages import it, with no
 * global shared between Astro's module graphs.
 */
export function deckModulePlugin(state: () => DeckModuleState): Plugin {
  return {
    name: 'vibe-check:deck-module',
    resolveId(id) {
      return id === DECK_MODULE_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      return deckModuleSource(state());
    },
  };
}

/** JSON.parse of a string literal: V8 parses that faster than the same object as code. */
export function deckModuleSource({ data, problems }: DeckModuleState): string {
  return [
    `export const deckData = ${data === null ? 'null' : `JSON.parse(${JSON.stringify(JSON.stringify(data))})`};`,
    `export const deckProblems = ${JSON.stringify(problems)};`,
    '',
  ].join('\n');
}

/**
 * After a content change in dev: drop the module, and the pages that evaluated
 * it, from every environment, so the next render imports the new deck.
 */
export function invalidateDeckModule(server: Pick<ViteDevServer, 'environments'>): void {
  for (const environment of Object.values(server.environments)) {
    const node = environment.moduleGraph.getModuleById(RESOLVED_ID);
    if (node) environment.moduleGraph.invalidateModule(node, undefined, Date.now(), true);
    if (!isRunnableDevEnvironment(environment)) continue;
    const evaluated = environment.runner.evaluatedModules;
    const pending = [RESOLVED_ID];
    const seen = new Set<string>();
    for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
      const module = evaluated.getModuleById(id);
      if (!module || seen.has(id)) continue;
      seen.add(id);
      pending.push(...module.importers);
      evaluated.invalidateModule(module);
    }
  }
}
