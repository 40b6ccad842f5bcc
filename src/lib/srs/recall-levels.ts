// Plain numbers, no imports: the guide's table of contents renders the legend at build time and the
// overlay reads the levels on the main thread, neither of which should load ts-fsrs.

/** Recall probability at or above which a card is strong, and below which it is forgotten (fading between). */
export const RECALL_THRESHOLDS = { strong: 0.9, forgotten: 0.7 } as const;

export type RecallLevel = 'strong' | 'fading' | 'forgotten';

/** The level a probability of recall falls in. */
export function recallLevel(recall: number): RecallLevel {
  if (recall < RECALL_THRESHOLDS.forgotten) return 'forgotten';
  return recall < RECALL_THRESHOLDS.strong ? 'fading' : 'strong';
}
