import { describe, expect, it } from 'vitest';
import { assessDrill } from '../../src/lib/drill/assessment.ts';
import type { DrillData, DrillPhase, DrillPrompt } from '../../src/lib/drill/drill-data.ts';
import { hintsForPhase, promptQuestions, questionsToCover } from '../../src/lib/drill/hints.ts';
import type { ActiveDrill } from '../../src/lib/drill/schema.ts';

const MINUTE = 60_000;
const T0 = new Date(2026, 0, 5, 10).getTime();

const phases: DrillPhase[] = ['why', 'metrics'].map((slug, i) => ({
  name: slug,
  purpose: `Purpose of ${slug}`,
  minutes45: 5,
  minutes60: 8,
  url: `/phases/${slug}/`,
  keyQuestions: [`Key question ${i + 1}?`],
  rubric: `Did you cover ${slug}?`,
}));

const prompt: DrillPrompt = {
  id: 'prompts/fraud',
  title: 'Fraud detection',
  url: '/prompts/fraud/',
  prompt: 'Design fraud detection.',
  illPosed: false,
  sections: { 'why-it-exists': 0, 'success-metrics': 1 },
};

const data: DrillData = {
  phases,
  prompts: [prompt],
  archetypes: [{ id: 'archetypes/flexer', title: 'Flexer', url: '/archetypes/flexer/', summary: '' }],
};

const index = {
  entries: [
    { kind: 'question', text: 'Who loses money to fraud today?', concept: '/prompts/fraud/#why-it-exists' },
    { kind: 'question', text: 'What chargeback rate counts as success?', concept: '/prompts/fraud/#success-metrics' },
    { kind: 'card', text: 'Not a question', concept: '/prompts/fraud/#why-it-exists' },
    { kind: 'question', text: 'Another page', concept: '/prompts/fraud-other/#why-it-exists' },
  ],
};

describe('drill hints', () => {
  it('keeps only the questions written on the prompt page itself', () => {
    expect(promptQuestions(index, '/prompts/fraud/').map((q) => q.text)).toEqual([
      'Who loses money to fraud today?',
      'What chargeback rate counts as success?',
    ]);
  });

  it("offers the prompt's own questions for a phase before the phase's key questions", () => {
    const own = promptQuestions(index, '/prompts/fraud/');
    expect(hintsForPhase(own, prompt, phases, 1).map((q) => q.text)).toEqual([
      'What chargeback rate counts as success?',
      'Key question 2?',
    ]);
    expect(hintsForPhase(own, prompt, phases, 7)).toEqual([]);
  });

  it("checks notes against every phase's key questions when the prompt has none of its own", () => {
    expect(questionsToCover([], phases)).toEqual([
      { text: 'Key question 1?', concept: '/phases/why/' },
      { text: 'Key question 2?', concept: '/phases/metrics/' },
    ]);
  });
});

describe('assessDrill', () => {
  it('records the drill, the coverage of the notes and the weak concepts', () => {
    const drill: ActiveDrill = {
      id: 'drill-1',
      promptId: prompt.id,
      format: 45,
      startedAt: T0,
      phaseEndedAt: [T0 + 4 * MINUTE, T0 + 11 * MINUTE],
      notes: ['who loses money to fraud', ''],
      hintsShown: [0, 0],
    };
    const own = promptQuestions(index, prompt.url);
    const outcome = assessDrill(drill, prompt, data, { scores: [4, 1], archetypeIds: ['archetypes/flexer'] }, own);
    expect(outcome.record).toEqual({
      id: 'drill-1',
      promptId: 'prompts/fraud',
      promptTitle: 'Fraud detection',
      format: 45,
      startedAt: T0,
      phaseMs: [4 * MINUTE, 7 * MINUTE],
      scores: [4, 1],
      archetypes: ['archetypes/flexer'],
      questionsCovered: 1,
      questionCount: 2,
    });
    expect(outcome.coverage.map((c) => c.covered)).toEqual([true, false]);
    expect(outcome.weak).toEqual(
      expect.arrayContaining(['/phases/metrics/', '/archetypes/flexer/', '/prompts/fraud/#success-metrics']),
    );
    expect(outcome.weak).not.toContain('/phases/why/');
  });
});
