import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { RUNTIME_FILES } from '../lib/app-files.ts';
import { deckSchema } from '../lib/deck-schema.ts';
import { normalizeBase } from '../lib/deployment.ts';
import type { DeckBuild } from './build.ts';
import { writeAnki } from './write-anki.ts';

/** The files the deck builder publishes at the site root (contracts: docs/architecture.md). */
export const DECK_FILES = {
  deck: RUNTIME_FILES.deck,
  schema: 'deck.schema.json',
  questions: RUNTIME_FILES.questions,
  anki: 'vibe-check.anki.txt',
} as const;

export interface OutputOptions {
  /** `SITE_URL`, when set: Anki links become absolute (with the base path). */
  siteUrl?: string | undefined;
  /** `BASE_PATH`, e.g. `/vibe/`. */
  base?: string | undefined;
}

/** Serializes a build into its files, byte for byte the same for the same content. */
export function serializeOutputs(build: DeckBuild, options: OutputOptions = {}): Map<string, string> {
  return new Map([
    [DECK_FILES.deck, `${JSON.stringify(build.deck)}\n`],
    [DECK_FILES.schema, deckJsonSchemaText()],
    [DECK_FILES.questions, `${JSON.stringify(build.questionIndex)}\n`],
    [DECK_FILES.anki, writeAnki(build.notes, { linkPrefix: linkPrefix(options) })],
  ]);
}

/** The JSON Schema of deck.json, derived from the zod schema (never written by hand). */
export function deckJsonSchemaText(): string {
  return `${JSON.stringify(z.toJSONSchema(deckSchema), null, 2)}\n`;
}

/** `https://example.com` + `/vibe/` → `https://example.com/vibe`; empty without a site URL. */
export function linkPrefix({ siteUrl, base }: OutputOptions): string {
  const site = siteUrl?.trim() ?? '';
  if (site === '') return '';
  const origin = site.endsWith('/') ? site.slice(0, -1) : site;
  return origin + normalizeBase(base).slice(0, -1);
}

export function writeOutputs(outDir: string, files: ReadonlyMap<string, string>): void {
  mkdirSync(outDir, { recursive: true });
  for (const [name, text] of files) writeFileSync(join(outDir, name), text);
}
