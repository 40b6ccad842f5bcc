/**
 * The self-assessment: one question per phase, in phase order, each scored on
 * the same four-step scale (1 = missed it … 4 = nailed it).
 */
export const RUBRIC_QUESTIONS = [
  'Did you find why the problem exists?',
  'Did you define success and its stakeholders?',
  'Did you pin the three constraints (latency, scale, data and labels)?',
  'Did you justify each design choice?',
  'Did you close with monitoring, failure modes and next steps?',
] as const;

export const SCORE_LABELS = ['Missed it', 'Weak', 'Solid', 'Nailed it'] as const;
