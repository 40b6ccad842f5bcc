import type { MarkdownHeading } from 'astro';

/**
 * Which phase each section of a prompt page belongs to. Prompt pages use one
 * heading per phase ("Why it exists", "Success metrics", "Constraints", …) with
 * sub-headings under them; a heading is matched to the phase whose name starts
 * with the same word, so "Why it exists" finds "Why the problem exists" without
 * a hand-kept table.
 */

function firstWord(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/u) ?? [''])[0] ?? '';
}

/** Heading slug → phase index (0-based), for every heading inside a phase's section. */
export function mapSectionsToPhases(
  headings: readonly MarkdownHeading[],
  phaseNames: readonly string[],
): Record<string, number> {
  const firstWords = phaseNames.map(firstWord);
  const map: Record<string, number> = {};
  let current = -1;
  let currentDepth = Infinity;
  for (const h of headings) {
    if (h.depth <= currentDepth) {
      current = firstWords.indexOf(firstWord(h.text));
      currentDepth = h.depth;
    }
    if (current !== -1) map[h.slug] = current;
  }
  return map;
}

/** The phase (0-based) a concept URL on `pageUrl` belongs to, or -1. */
export function phaseOfConcept(concept: string, pageUrl: string, sections: Readonly<Record<string, number>>): number {
  if (!concept.startsWith(`${pageUrl}#`)) return -1;
  return sections[concept.slice(pageUrl.length + 1)] ?? -1;
}
