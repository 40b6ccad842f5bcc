import type { DrillPhase, DrillPrompt } from './drill-data.ts';
import { phaseOfConcept } from './phase-sections.ts';

/** A hint or key question: its text and the concept it was written under. */
export interface DrillQuestion {
  text: string;
  concept: string;
}

/** The slice of /questions.json the drill reads. */
interface QuestionIndex {
  entries?: { kind: string; text: string; concept: string }[];
}

/** The questions written on the prompt's own page, in index order. */
export function promptQuestions(index: QuestionIndex, promptUrl: string): DrillQuestion[] {
  return (index.entries ?? [])
    .filter((entry) => entry.kind === 'question' && entry.concept.startsWith(`${promptUrl}#`))
    .map((entry) => ({ text: entry.text, concept: entry.concept }));
}

/**
 * Fetches the prompt's own questions. Offline before the file was ever cached,
 * there are none, and the phases' key questions still serve as hints.
 */
export async function loadPromptQuestions(indexUrl: string, promptUrl: string): Promise<DrillQuestion[]> {
  try {
    const response = await fetch(indexUrl);
    return promptQuestions((await response.json()) as QuestionIndex, promptUrl);
  } catch {
    return [];
  }
}

/** Hints for one phase: the prompt's own questions under that phase's sections first, then the phase's key questions. */
export function hintsForPhase(
  own: readonly DrillQuestion[],
  prompt: DrillPrompt,
  phases: readonly DrillPhase[],
  phase: number,
): DrillQuestion[] {
  const info = phases[phase];
  if (!info) return [];
  return [
    ...own.filter((q) => phaseOfConcept(q.concept, prompt.url, prompt.sections) === phase),
    ...info.keyQuestions.map((text) => ({ text, concept: info.url })),
  ];
}

/** What the notes are checked against: the prompt's own questions, or every phase's key questions if it has none. */
export function questionsToCover(own: readonly DrillQuestion[], phases: readonly DrillPhase[]): DrillQuestion[] {
  return own.length > 0 ? [...own] : phases.flatMap((p) => p.keyQuestions.map((text) => ({ text, concept: p.url })));
}
