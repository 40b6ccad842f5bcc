import { describe, expect, it } from 'vitest';
import { checkCoverage } from '../../src/lib/drill/coverage.ts';
import { mapSectionsToPhases, phaseOfConcept } from '../../src/lib/drill/phase-sections.ts';
import { focusedReviewHref, weakConcepts } from '../../src/lib/drill/weak-spots.ts';
import { conceptLabels, filterByConcepts } from '../../src/lib/review/deck.ts';
import type { DeckCard } from '../../src/lib/deck-schema.ts';

const PHASE_NAMES = ['Why the problem exists', 'Success metrics and stakeholders', 'Constraints', 'Design', 'Closing'];

describe('mapSectionsToPhases', () => {
  it('maps phase headings and their sub-headings, and nothing else', () => {
    const headings = [
      { depth: 2, slug: 'the-prompt', text: 'The prompt' },
      { depth: 2, slug: 'a-strong-first-two-minutes', text: 'A strong first two minutes' },
      { depth: 3, slug: 'design-aside', text: 'Design aside' },
      { depth: 2, slug: 'why-it-exists', text: 'Why it exists' },
      { depth: 2, slug: 'success-metrics', text: 'Success metrics' },
      { depth: 3, slug: 'metric-angle', text: 'Metric angle' },
      { depth: 2, slug: 'constraints', text: 'Constraints' },
      { depth: 2, slug: 'design', text: 'Design' },
      { depth: 2, slug: 'closing', text: 'Closing' },
      { depth: 2, slug: 'common-traps', text: 'Common traps' },
      { depth: 3, slug: 'closing-trap', text: 'Closing too early' },
    ];
    expect(mapSectionsToPhases(headings, PHASE_NAMES)).toEqual({
      'why-it-exists': 0,
      'success-metrics': 1,
      'metric-angle': 1,
      constraints: 2,
      design: 3,
      closing: 4,
    });
  });

  it('finds the phase of a question concept on its own page only', () => {
    const sections = { constraints: 2 };
    expect(phaseOfConcept('/prompts/fraud/#constraints', '/prompts/fraud/', sections)).toBe(2);
    expect(phaseOfConcept('/prompts/fraud/#common-traps', '/prompts/fraud/', sections)).toBe(-1);
    expect(phaseOfConcept('/prompts/other/#constraints', '/prompts/fraud/', sections)).toBe(-1);
  });
});

describe('checkCoverage', () => {
  const questions = [
    { text: 'Who bears the loss on a fraudulent payment: the merchant, the issuer, or the platform?', concept: '/a/' },
    { text: 'How fast must a decision be made at checkout?', concept: '/b/' },
    { text: 'How late do chargeback labels arrive?', concept: '/c/' },
  ];

  it('counts a question covered when enough of its topic words are in the notes, typos included', () => {
    const notes = 'Ask who eats the loss — merchant or issuer?\nchargback labells: how late?';
    const result = checkCoverage(notes, questions);
    expect(result.map((r) => r.covered)).toEqual([true, false, true]);
    // "chargback" is a typo: only the fuzzy match can find "chargeback".
    expect(result[2]?.matched).toContain('chargeback');
    expect(result[0]?.matched).toEqual(expect.arrayContaining(['loss', 'merchant', 'issuer']));
  });

  it('covers nothing with empty notes', () => {
    expect(checkCoverage('', questions).every((r) => !r.covered)).toBe(true);
  });
});

describe('weakConcepts', () => {
  const base = {
    phaseUrls: ['/phases/why/', '/phases/metrics/', '/phases/constraints/', '/phases/design/', '/phases/closing/'],
    promptUrl: '/prompts/fraud/',
    promptSections: { 'why-it-exists': 0, constraints: 2, 'constraint-angle': 2 },
    archetypeUrls: [] as string[],
    missedConcepts: [] as string[],
  };

  it('is empty when every phase scored 3 or 4 and nothing was missed', () => {
    expect(weakConcepts({ ...base, scores: [3, 4, 3, 4, 3] })).toEqual([]);
  });

  it('takes the phase guide and the prompt sections of phases scored 1–2, archetypes and misses, once each', () => {
    expect(
      weakConcepts({
        ...base,
        scores: [4, 3, 2, 3, 3],
        archetypeUrls: ['/archetypes/deer-in-headlights/'],
        missedConcepts: ['/prompts/fraud/#constraints', '/prompts/fraud/#design'],
      }),
    ).toEqual([
      '/phases/constraints/',
      '/prompts/fraud/#constraints',
      '/prompts/fraud/#constraint-angle',
      '/archetypes/deer-in-headlights/',
      '/prompts/fraud/#design',
    ]);
  });

  it('links to a cram session over those concepts', () => {
    expect(focusedReviewHref('/vibe/review/', ['/phases/constraints/', '/prompts/fraud/#design'])).toBe(
      '/vibe/review/?mode=cram&concepts=%2Fphases%2Fconstraints%2F%2C%2Fprompts%2Ffraud%2F%23design',
    );
  });
});

describe('filterByConcepts (the review page’s ?concepts= filter)', () => {
  const card = (id: string, concepts: string[]) => ({ id, concepts }) as unknown as DeckCard;
  const cards = [
    card('a', ['/phases/constraints/#latency-budget']),
    card('b', ['/prompts/fraud/#design', '/phases/design/']),
    card('c', ['/prompts/fraud/#design-notes']),
  ];

  it('keeps every card without a filter', () => {
    expect(filterByConcepts(cards, []).map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });

  it('matches a page URL to all its sections, and a section URL exactly', () => {
    expect(filterByConcepts(cards, ['/phases/constraints/']).map((c) => c.id)).toEqual(['a']);
    expect(filterByConcepts(cards, ['/prompts/fraud/#design']).map((c) => c.id)).toEqual(['b']);
    expect(filterByConcepts(cards, ['/phases/design/', '/nowhere/']).map((c) => c.id)).toEqual(['b']);
  });
});

describe('conceptLabels (what the review page says a ?concepts= filter covers)', () => {
  const card = (concept: string, conceptTitle: string[]) => ({ concept, conceptTitle }) as unknown as DeckCard;
  const cards = [
    card('/phases/constraints/#latency-budget', ['Constraints', 'Latency budget']),
    card('/phases/constraints/#latency-budget', ['Constraints', 'Latency budget']),
    card('/prompts/fraud/#design', ['Fraud detection', 'Design']),
  ];

  it('names a section by its title path and a page by its title, in the order asked, once each', () => {
    expect(
      conceptLabels(cards, ['/prompts/fraud/#design', '/phases/constraints/', '/phases/constraints/#latency-budget']),
    ).toEqual(['Fraud detection › Design', 'Constraints', 'Constraints › Latency budget']);
    expect(
      conceptLabels(cards, ['/phases/constraints/#latency-budget', '/phases/constraints/#latency-budget']),
    ).toEqual(['Constraints › Latency budget']);
  });

  it('leaves out concepts no card belongs to', () => {
    expect(conceptLabels(cards, ['/nowhere/', '/prompts/fraud/#nothing'])).toEqual([]);
  });
});
