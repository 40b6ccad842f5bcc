/**
 * Turns a self-assessment into the concepts to review: a phase scored 1–2
 * sends both the phase's guide and the prompt's own section for that phase, a
 * failure archetype the user caught sends its page, and every missed key
 * question sends the concept it was written under.
 */

/** Scores at or below this mark a phase as weak. */
export const WEAK_SCORE = 2;

export interface WeakSpotInput {
  scores: readonly number[];
  /** Per phase: the phase's guide URL. */
  phaseUrls: readonly string[];
  /** The prompt page URL (`/prompts/fraud-detection/`). */
  promptUrl: string;
  /** The prompt page's heading slugs, mapped to phase indexes. */
  promptSections: Readonly<Record<string, number>>;
  /** Guide URLs of the archetypes the user recognised in themselves. */
  archetypeUrls: readonly string[];
  /** Concepts of the key questions the notes missed. */
  missedConcepts: readonly string[];
}

/** Site-relative concept URLs, without duplicates, in a stable order. */
export function weakConcepts(input: WeakSpotInput): string[] {
  const out = new Set<string>();
  input.scores.forEach((score, phase) => {
    if (score > WEAK_SCORE) return;
    const url = input.phaseUrls[phase];
    if (url) out.add(url);
    for (const [slug, p] of Object.entries(input.promptSections))
      if (p === phase) out.add(`${input.promptUrl}#${slug}`);
  });
  for (const url of input.archetypeUrls) out.add(url);
  for (const url of input.missedConcepts) out.add(url);
  return [...out];
}

/**
 * The focused review: cram mode (the FSRS schedule is not touched) over the
 * cards of the given concepts. `reviewPath` already carries the base path.
 */
export function focusedReviewHref(reviewPath: string, concepts: readonly string[]): string {
  const params = new URLSearchParams({ mode: 'cram', concepts: concepts.join(',') });
  return `${reviewPath}?${params.toString()}`;
}
