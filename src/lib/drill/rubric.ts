/**
 * The self-assessment's scale: every phase's rubric question (from its page's
 * frontmatter) is scored on the same four steps (1 = missed it … 4 = nailed it).
 */
export const SCORE_LABELS = ['Missed it', 'Weak', 'Solid', 'Nailed it'] as const;
