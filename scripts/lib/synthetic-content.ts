import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { slug } from 'github-slugger';
import { SECTION_IDS } from '../../src/lib/sections.ts';

/**
 * Synthetic guides, for the benchmark (`npm run bench`) and for tests that need
 * more content than the fixtures: valid content shaped like the real pages
 * (frontmatter, five H2 sections of prose, a table, cards with `also` links to
 * the previous page, cloze cards with hints, clarifying questions; about 8 KB of
 * MDX) with deterministic pseudo-random words, so that output, gzip ratios and
 * search indexes behave like real text rather than like one page repeated.
 */

/** Seeded PRNG (mulberry32): the same seed always writes the same content. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const NOUNS = (
  'model latency budget metric label feature pipeline ranking candidate recall precision baseline ' +
  'stakeholder constraint throughput request user session click conversion fraud threshold cache ' +
  'shard replica batch stream embedding index retrieval ranker calibration drift monitoring rollout ' +
  'experiment cohort segment signal proxy objective loss gradient tree network transformer dataset ' +
  'annotation review policy appeal moderation queue backlog cost revenue retention engagement trust ' +
  'safety privacy fairness region device network storage memory compute server region schedule ' +
  'forecast error bias variance trade-off fallback timeout heuristic rule owner interviewer candidate'
).split(' ');

export const VERBS = (
  'ranks serves filters caches scores predicts labels trains monitors degrades ships measures ' +
  'explains justifies limits shapes flips breaks recovers estimates prioritises samples splits ' +
  'retrains calibrates aggregates'
).split(' ');

const ADJECTIVES = (
  'online offline cheap expensive fast slow delayed noisy sparse dense cold warm fresh stale ' +
  'simple robust fragile biased calibrated interpretable opaque regional global daily hourly'
).split(' ');

export interface SyntheticOptions {
  pages: number;
  /** Flashcards per page (basic and single-deletion cloze, alternating). */
  cardsPerPage?: number;
  /** Clarifying questions per page (without `why`, so they add no cards). */
  questionsPerPage?: number;
  seed?: number;
}

export interface SyntheticSummary {
  pages: number;
  cards: number;
  questions: number;
  bytes: number;
}

/** Writes `pages` guides into `dir` (spread over the real sections) and says what it wrote. */
export function writeSyntheticContent(dir: string, options: SyntheticOptions): SyntheticSummary {
  const cardsPerPage = options.cardsPerPage ?? 10;
  const questionsPerPage = options.questionsPerPage ?? 5;
  const random = createRandom(options.seed ?? 20_240_601);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const words = (n: number): string =>
    Array.from({ length: n }, () => pick(random() < 0.7 ? NOUNS : ADJECTIVES)).join(' ');
  const sentence = (): string => {
    const text = `The ${words(2)} ${pick(VERBS)} the ${words(3 + Math.floor(random() * 5))}`;
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}${random() < 0.2 ? ` when the ${words(2)} ${pick(VERBS)}` : ''}.`;
  };
  const paragraph = (sentences: number): string => Array.from({ length: sentences }, sentence).join(' ');

  let bytes = 0;
  const sections = 5;
  /** The previous page's H2 anchors, for `also` links across pages. */
  let previousAnchors: string[] = [];
  for (let p = 0; p < options.pages; p++) {
    const section = SECTION_IDS[p % SECTION_IDS.length] as string;
    const name = `bench-${String(p + 1).padStart(5, '0')}`;
    const title = `Topic ${p + 1}: ${words(3)}`;
    const lines: string[] = [
      '---',
      `title: ${JSON.stringify(title)}`,
      `description: ${JSON.stringify(`How the ${words(3)} ${pick(VERBS)} the ${words(3)}, and what to ask first.`)}`,
      `section: ${section}`,
      `order: ${100 + p}`,
      `aliases: ${JSON.stringify([words(2), words(2)])}`,
      `keywords: ${JSON.stringify([words(1), words(2), words(2)])}`,
      '---',
      '',
      paragraph(3),
      '',
    ];
    let card = 0;
    let question = 0;
    const anchors: string[] = [];
    for (let s = 0; s < sections; s++) {
      const heading = `Part ${s + 1}: the ${words(2)}`;
      anchors.push(`/${section}/${name}/#${slug(heading)}`);
      lines.push(`## ${heading}`, '', paragraph(4), '', paragraph(3), '');
      if (s === 2) {
        lines.push('| Constraint | What it flips |', '|---|---|');
        for (let r = 0; r < 4; r++) lines.push(`| ${words(2)} | ${words(3)} |`);
        lines.push('');
      }
      // Spread cards and questions evenly, the remainder going to the first sections.
      const cardsHere = Math.floor(cardsPerPage / sections) + (s < cardsPerPage % sections ? 1 : 0);
      const questionsHere = Math.floor(questionsPerPage / sections) + (s < questionsPerPage % sections ? 1 : 0);
      for (let q = 0; q < questionsHere; q++) {
        question++;
        lines.push(`<Question id="${name}-q${question}">How ${pick(VERBS)} the ${words(3)} at peak?</Question>`, '');
      }
      for (let c = 0; c < cardsHere; c++) {
        card++;
        const id = `${name}-c${card}`;
        if (card % 2 === 1) {
          const also = previousAnchors[s];
          lines.push(
            // A named case per card, as real fronts name their system: no two fronts collide by chance.
            `<Card id="${id}" q="Why does the ${words(3)} ${pick(VERBS)} the ${words(2)} in case ${p + 1}-${card}?"${also ? ` also="${also}"` : ''}>`,
            paragraph(2),
            '</Card>',
            '',
          );
        } else {
          lines.push(
            `<Cloze id="${id}">The ${words(2)} ${pick(VERBS)} the <C hint="${pick(NOUNS)}">${words(2)}</C> ${paragraph(1).toLowerCase()}</Cloze>`,
            '',
          );
        }
      }
    }
    previousAnchors = anchors;
    const text = lines.join('\n');
    mkdirSync(join(dir, section), { recursive: true });
    writeFileSync(join(dir, section, `${name}.mdx`), text);
    bytes += Buffer.byteLength(text);
  }
  return {
    pages: options.pages,
    cards: options.pages * cardsPerPage,
    questions: options.pages * questionsPerPage,
    bytes,
  };
}
