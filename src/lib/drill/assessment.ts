import { phaseDurations } from './clock.ts';
import { checkCoverage, type CoverageResult } from './coverage.ts';
import type { DrillData, DrillPrompt } from './drill-data.ts';
import type { DrillQuestion } from './hints.ts';
import type { ActiveDrill, DrillRecord } from './schema.ts';
import { weakConcepts } from './weak-spots.ts';

export interface SelfAssessment {
  /** Per phase, 1–4. */
  scores: number[];
  /** Content ids of the archetypes the user caught themselves in. */
  archetypeIds: string[];
}

export interface DrillOutcome {
  record: DrillRecord;
  coverage: CoverageResult<DrillQuestion>[];
  /** Concept URLs worth a focused review. */
  weak: string[];
}

/** A finished drill: the record for the history, which questions the notes covered, and the weak concepts. */
export function assessDrill(
  drill: ActiveDrill,
  prompt: DrillPrompt,
  data: DrillData,
  assessment: SelfAssessment,
  questions: readonly DrillQuestion[],
): DrillOutcome {
  const coverage = checkCoverage(drill.notes.join('\n'), questions);
  const missed = coverage.filter((c) => !c.covered);
  const record: DrillRecord = {
    id: drill.id,
    promptId: prompt.id,
    promptTitle: prompt.title,
    format: drill.format,
    startedAt: drill.startedAt,
    phaseMs: phaseDurations(drill),
    scores: assessment.scores,
    archetypes: assessment.archetypeIds,
    questionsCovered: coverage.length - missed.length,
    questionCount: coverage.length,
  };
  const weak = weakConcepts({
    scores: assessment.scores,
    phaseUrls: data.phases.map((p) => p.url),
    promptUrl: prompt.url,
    promptSections: prompt.sections,
    archetypeUrls: data.archetypes.filter((a) => assessment.archetypeIds.includes(a.id)).map((a) => a.url),
    missedConcepts: missed.map((m) => m.question.concept),
  });
  return { record, coverage, weak };
}
