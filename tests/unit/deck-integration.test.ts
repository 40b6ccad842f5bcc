import { EventEmitter } from 'node:events';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { deckSchema } from '../../src/lib/deck-schema.ts';
import type { Plugin } from 'vite';
import { DeckContentError } from '../../src/deck/index.ts';
import { DECK_MODULE_ID } from '../../src/integrations/deck-module.ts';
import { deckIntegration } from '../../src/integrations/deck.ts';

type Hooks = NonNullable<ReturnType<typeof deckIntegration>['hooks']>;

function logger() {
  return { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn(), fork: vi.fn(), label: 'deck', options: {} };
}

/** A project folder whose content/ is a copy of a fixture, so tests can edit it. */
function project(fixture: string): string {
  const root = mkdtempSync(join(tmpdir(), 'deck-project-'));
  cpSync(fixture, join(root, 'content'), { recursive: true });
  return root;
}

/** Runs astro:config:setup and returns the Vite plugins the integration adds. */
async function setup(hooks: Hooks, root: string, command: 'build' | 'dev', base = '/'): Promise<Plugin[]> {
  const config = { root: pathToFileURL(`${root}/`), base };
  const plugins: Plugin[] = [];
  const updateConfig = (update: { vite?: { plugins?: Plugin[] } }) => plugins.push(...(update.vite?.plugins ?? []));
  await hooks['astro:config:setup']?.({ config, command, logger: logger(), updateConfig } as never);
  return plugins;
}

/** Evaluates the virtual module the way Vite would serve it to a page. */
async function importDeckModule(plugins: Plugin[]): Promise<{ deckData: unknown; deckProblems: string }> {
  const plugin = plugins.find((p) => p.name === 'vibe-check:deck-module');
  const call = <T>(hook: unknown, ...args: unknown[]) => (hook as (...a: unknown[]) => T).call({}, ...args);
  const id = call<string>(plugin?.resolveId, DECK_MODULE_ID, undefined, {});
  const source = call<string>(plugin?.load, id);
  return import(`data:text/javascript,${encodeURIComponent(source)}`) as Promise<{
    deckData: unknown;
    deckProblems: string;
  }>;
}

describe('deck integration', () => {
  it('writes the deck files into the build output at astro:build:done', async () => {
    const root = project('tests/fixtures/deck/valid');
    const { hooks } = deckIntegration();
    await setup(hooks, root, 'build');
    const out = join(root, 'dist');
    mkdirSync(out);
    await hooks['astro:build:done']?.({
      dir: pathToFileURL(`${out}/`),
      logger: logger(),
      pages: [],
      assets: new Map(),
    } as never);
    const deck = deckSchema.parse(JSON.parse(readFileSync(join(out, 'deck.json'), 'utf8')));
    expect(deck.cards.map((c) => c.id)).toContain('intro-cloze.c2');
    for (const name of ['deck.schema.json', 'questions.json', 'vibe-check.anki.txt'])
      expect(existsSync(join(out, name))).toBe(true);
  });

  it('fails the build before any page renders, listing every problem', async () => {
    const root = project('tests/fixtures/deck/bad/duplicate-ids');
    const { hooks } = deckIntegration();
    const failure = setup(hooks, root, 'build');
    await expect(failure).rejects.toBeInstanceOf(DeckContentError);
    await expect(failure).rejects.toThrow(
      /Invalid deck content \(2 problems\):\n.*content\/start-here\/a\.mdx:13:1: duplicate id "dup-same" \(first used at start-here\/a\.mdx:9:1\)\n.*content\/start-here\/b\.mdx:10:1: duplicate id "dup-across"/u,
    );
  });

  it('serves pages the same build it writes, as the virtual module', async () => {
    const root = project('tests/fixtures/deck/valid');
    const { hooks } = deckIntegration();
    const plugins = await setup(hooks, root, 'build');
    const { deckData, deckProblems } = await importDeckModule(plugins);
    expect(deckProblems).toBe('');
    const out = join(root, 'dist');
    mkdirSync(out);
    await hooks['astro:build:done']?.({ dir: pathToFileURL(`${out}/`), logger: logger() } as never);
    expect(deckData).toEqual({
      deck: JSON.parse(readFileSync(join(out, 'deck.json'), 'utf8')),
      questionIndex: JSON.parse(readFileSync(join(out, 'questions.json'), 'utf8')),
    });
  });

  it('serves the files in dev under the base path and rebuilds when a guide changes', async () => {
    const root = project('tests/fixtures/deck/valid');
    const { hooks } = deckIntegration();
    const plugins = await setup(hooks, root, 'dev', '/vibe/');
    const watcher = new EventEmitter();
    let middleware: ((req: IncomingMessage, res: ServerResponse, next: () => void) => void) | undefined;
    const invalidated: string[] = [];
    const moduleGraph = {
      getModuleById: (id: string) => ({ id }),
      invalidateModule: (node: { id: string }) => invalidated.push(node.id),
    };
    const server = {
      watcher,
      middlewares: { use: (fn: typeof middleware) => (middleware = fn) },
      environments: { ssr: { moduleGraph } },
    };
    const log = logger();
    await hooks['astro:server:setup']?.({ server, logger: log } as never);

    const get = (url: string) => {
      const res = { statusCode: 200, headers: {} as Record<string, string>, body: '', next: false };
      middleware?.(
        { url } as IncomingMessage,
        {
          setHeader: (k: string, v: string) => (res.headers[k] = v),
          end: (body: string) => (res.body = body),
          set statusCode(code: number) {
            res.statusCode = code;
          },
        } as unknown as ServerResponse,
        () => (res.next = true),
      );
      return res;
    };

    const before = get('/vibe/deck.json');
    expect(before.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(before.body).cards.some((c: { id: string }) => c.id === 'intro-basic')).toBe(true);
    expect(get('/vibe/vibe-check.anki.txt').body.startsWith('#separator:tab\n')).toBe(true);
    expect(get('/vibe/other.json').next).toBe(true);

    const page = join(root, 'content', 'start-here', 'intro.mdx');
    writeFileSync(page, readFileSync(page, 'utf8').replace('id="intro-basic"', 'id="intro-renamed"'));
    watcher.emit('all', 'change', page);
    const after = JSON.parse(get('/vibe/deck.json').body);
    expect(after.cards.some((c: { id: string }) => c.id === 'intro-renamed')).toBe(true);
    // Pages import the deck: the change drops the module so they render the new one.
    expect(invalidated).toEqual([`\0${DECK_MODULE_ID}`]);
    const { deckData } = await importDeckModule(plugins);
    expect(JSON.stringify(deckData)).toContain('"id":"intro-renamed"');

    // Bad content does not stop the dev server: the problems are logged and served as the error.
    writeFileSync(page, readFileSync(page, 'utf8').replace('id="intro-renamed"', 'id="intro-cloze"'));
    watcher.emit('all', 'change', page);
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('duplicate id "intro-cloze"'));
    const broken = get('/vibe/deck.json');
    expect(broken.statusCode).toBe(500);
    expect(broken.body).toMatch(/start-here\/intro\.mdx:\d+:\d+: duplicate id "intro-cloze"/u);
    const brokenModule = await importDeckModule(plugins);
    expect(brokenModule.deckData).toBeNull();
    expect(brokenModule.deckProblems).toBe(broken.body);
  });
});
