import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toHtml } from 'hast-util-to-html';
import type { RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import {
  DECK_VERSION,
  deckSchema,
  questionIndexSchema,
  type Concept,
  type Deck,
  type DeckCard,
  type QuestionEntry,
  type QuestionIndex,
} from '../lib/deck-schema.ts';
import { compareCodeUnits } from '../lib/compare.ts';
import { compareReadingOrder } from '../lib/reading-order.ts';
import { listMdxFiles } from './content-files.ts';
import { deletionNumber, isJsxElement } from './extract.ts';
import { generateNotes } from './generate.ts';
import { basicCardId, type FileResult, type NoteRecord, type PageRecord } from './model.ts';
import { sortProblems, type Problem } from './problems.ts';
import { hastText, renderHast, renderHtml } from './render-html.ts';
import type { FileCache } from './cache.ts';
import { processFile } from './process-file.ts';
import { lintInputOf } from './lint/lint-input.ts';
import { lintNotes, type LintFinding } from './lint/rules.ts';
import { validateAcrossPages } from './validate.ts';
import { processFilesInWorkers } from './workers.ts';

export interface SourceFile {
  /** Path relative to the content folder, `/`-separated. */
  path: string;
  source: string;
}

/** A note in deck order with the page it comes from, for exports that render notes their own way. */
export interface PlacedNote {
  note: NoteRecord;
  page: PageRecord;
}

export interface DeckBuild {
  deck: Deck;
  questionIndex: QuestionIndex;
  notes: PlacedNote[];
  /** The card linter's warnings (a build with lint errors fails); see lint/rules.ts. */
  lint: DeckLint;
}

/** What pages render from: the deck and the question index, without the export-only notes. */
export type DeckData = Pick<DeckBuild, 'deck' | 'questionIndex'>;

export interface DeckLint {
  findings: LintFinding[];
  /** How many notes (cards, or clozes counted once) were linted. */
  notesLinted: number;
}

/** A failed build lists its problems; when the content was sound but failed the linter, the full lint too. */
export type BuildResult = { ok: true; build: DeckBuild } | { ok: false; problems: Problem[]; lint?: DeckLint };

/** Reads every guide under `contentDir` and builds the deck, in this thread. */
export function buildDeckFromDir(contentDir: string): BuildResult {
  const files = listMdxFiles(contentDir).map((path) => ({
    path,
    source: readFileSync(join(contentDir, path), 'utf8'),
  }));
  return buildDeck(files);
}

/**
 * Like `buildDeckFromDir`, with the per-file work (parsing dominates) spread
 * over worker threads when there are enough files to pay for starting them,
 * and, with a cache, skipped for files unchanged since an earlier run.
 */
export async function buildDeckFromDirParallel(
  contentDir: string,
  options: { cache?: FileCache | undefined; minFilesPerWorker?: number } = {},
): Promise<BuildResult> {
  const paths = listMdxFiles(contentDir);
  const { cache } = options;
  const sources = new Map(paths.map((path) => [path, readFileSync(join(contentDir, path), 'utf8')]));
  const results = new Map<string, FileResult>();
  if (cache) {
    for (const [path, source] of sources) {
      const hit = cache.get(path, source);
      if (hit) results.set(path, hit);
    }
  }
  const misses = paths.filter((path) => !results.has(path));
  const fresh = await processFilesInWorkers(contentDir, misses, options.minFilesPerWorker);
  misses.forEach((path, i) => {
    const result = fresh[i];
    if (!result) return;
    results.set(path, result);
    cache?.set(path, sources.get(path) ?? '', result);
  });
  return finishBuild(paths.map((path) => results.get(path) ?? { page: undefined, problems: [] }));
}

/**
 * Builds the deck and the question index from guide sources. Collects every
 * problem in every file before giving up, so one run shows all of them.
 */
export function buildDeck(files: readonly SourceFile[]): BuildResult {
  const sorted = [...files].sort((a, b) => compareCodeUnits(a.path, b.path));
  return finishBuild(sorted.map((file) => processFile(file.path, file.source)));
}

/** The cross-file stage: generated cards, site-wide checks, then the outputs. Results must be in path order. */
export function finishBuild(results: readonly FileResult[]): BuildResult {
  const problems = results.flatMap((r) => r.problems);
  const pages = results.flatMap((r) => (r.page ? [r.page] : []));
  for (const page of pages) page.notes.push(...generateNotes(page));
  problems.push(...validateAcrossPages(pages));
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  const build = assemble(pages);
  const inputs = build.notes.flatMap(({ note, page }) => lintInputOf(note, page.file) ?? []);
  const lint: DeckLint = { findings: lintNotes(inputs), notesLinted: inputs.length };
  const errors = lint.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    const lintProblems = errors.map((f) => ({
      file: f.file,
      line: f.line,
      column: f.column,
      message: `${f.rule}: ${f.message}`,
    }));
    return { ok: false, problems: sortProblems(lintProblems), lint };
  }
  return { ok: true, build: { ...build, lint } };
}

function assemble(pages: PageRecord[]): Omit<DeckBuild, 'lint'> {
  const ordered = [...pages].sort((a, b) =>
    compareReadingOrder({ ...a.frontmatter, id: a.id }, { ...b.frontmatter, id: b.id }),
  );
  const cards: DeckCard[] = [];
  const entries: QuestionEntry[] = [];
  const concepts: Concept[] = [];
  const notes: PlacedNote[] = [];
  for (const page of ordered) {
    const { section, title, aliases, keywords } = page.frontmatter;
    concepts.push({ url: page.url, titlePath: [title], section, aliases, keywords });
    for (const heading of page.headings) {
      concepts.push({
        url: `${page.url}#${heading.slug}`,
        titlePath: heading.titlePath,
        section,
        aliases: [],
        keywords: [],
      });
    }
    for (const note of page.notes) {
      notes.push({ note, page });
      if (note.question) {
        entries.push(
          entry(note.id, 'question', hastText(renderHast(note.question.text)), note.question.why, note.concept),
        );
      }
      const content = note.content;
      if (!content) continue;
      const shared = {
        concept: note.concept,
        concepts: [...new Set([note.concept, ...note.also.map((a) => a.url)])],
        conceptTitle: note.conceptTitle,
        section,
        tags: note.tags,
        origin: note.origin,
        source: page.file,
      };
      if (content.kind === 'basic') {
        const front = renderHast(content.front);
        const back = renderHast(content.back);
        cards.push(card(basicCardId(note), note.id, 'basic', toHtml(front), toHtml(back), shared));
        if (!note.question) entries.push(entry(note.id, 'card', hastText(front), hastText(back), note.concept));
      } else {
        for (const group of deletionGroups(content.body)) {
          const front = renderHtml(content.body, { cloze: { group, side: 'front' } });
          const back = renderHtml(content.body, { cloze: { group, side: 'back' } });
          cards.push(card(`${note.id}.c${group}`, note.id, 'cloze', front, back, shared));
        }
        const blanks = hastText(renderHast(content.body, { cloze: { group: 'all', side: 'front' } }));
        entries.push(entry(note.id, 'card', blanks, hastText(renderHast(content.body)), note.concept));
      }
    }
  }
  // The schemas are the contract: a failure here is a builder bug, not bad content.
  const deck = deckSchema.parse({ version: DECK_VERSION, cards });
  const questionIndex = questionIndexSchema.parse({ version: DECK_VERSION, concepts, entries });
  return { deck, questionIndex, notes };
}

type SharedFields = Pick<DeckCard, 'concept' | 'concepts' | 'conceptTitle' | 'section' | 'tags' | 'origin' | 'source'>;

function card(
  id: string,
  noteId: string,
  kind: DeckCard['kind'],
  front: string,
  back: string,
  shared: SharedFields,
): DeckCard {
  return {
    id,
    noteId,
    kind,
    front,
    back,
    concept: shared.concept,
    concepts: shared.concepts,
    conceptTitle: shared.conceptTitle,
    section: shared.section,
    tags: shared.tags,
    origin: shared.origin,
    source: shared.source,
    hash: hashCard(kind, front, back),
  };
}

function entry(
  id: string,
  kind: QuestionEntry['kind'],
  text: string,
  detail: string | undefined,
  concept: string,
): QuestionEntry {
  return detail ? { id, kind, text, detail, concept } : { id, kind, text, concept };
}

/** First 16 hex digits of SHA-256 over what the learner sees: enough to notice an edit. */
export function hashCard(kind: string, front: string, back: string): string {
  return createHash('sha256')
    .update(JSON.stringify([kind, front, back]))
    .digest('hex')
    .slice(0, 16);
}

/** The distinct `n` of a cloze body's deletions, ascending. */
export function deletionGroups(body: readonly RootContent[]): number[] {
  const groups = new Set<number>();
  for (const top of body) {
    visit(top, (node) => {
      if (isJsxElement(node) && node.name === 'C') groups.add(deletionNumber(node));
    });
  }
  return [...groups].sort((a, b) => a - b);
}
