import { describe, expect, it } from 'vitest';
import { buildDeck, buildDeckFromDir, type DeckBuild } from '../../src/deck/build.ts';

function build(): DeckBuild {
  const result = buildDeckFromDir('tests/fixtures/deck/valid');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.build;
}

describe('cards generated from frontmatter', () => {
  const { deck } = build();
  const generated = deck.cards.filter((c) => c.origin === 'generated');
  const byId = new Map(generated.map((c) => [c.id, c]));

  it('derives stable ids from the page id and the fact tested', () => {
    expect(generated.map((c) => c.id)).toEqual([
      'gen-archetypes-sample-summary',
      'gen-archetypes-sample-tell-1',
      'gen-archetypes-sample-tell-2',
      'gen-archetypes-sample-verdict',
      'gen-archetypes-sample-recovery',
      'gen-phases-first-order',
      'gen-phases-first-purpose',
      'gen-phases-first-key-questions',
      'gen-phases-first-budget.c1',
      'gen-phases-first-budget.c2',
      'gen-phases-second-order',
      'gen-phases-second-purpose',
      'gen-phases-second-key-questions',
      'gen-phases-second-budget.c1',
      'gen-phases-second-budget.c2',
      'gen-prompts-feed-north-star',
      'gen-prompts-feed-binding-constraint',
    ]);
  });

  it('asks which archetype a tell gives away, and how to recover', () => {
    expect(byId.get('gen-archetypes-sample-tell-2')).toMatchObject({
      kind: 'basic',
      front: '<p>Which archetype does this tell give away?</p>\n<p><em>Never asks about data</em></p>',
      back: '<p>The Sample Archetype</p>',
      concept: '/archetypes/sample/',
      conceptTitle: ['The Sample Archetype'],
      section: 'archetypes',
      tags: ['archetype', 'tell'],
      source: 'archetypes/sample.mdx',
    });
    expect(byId.get('gen-archetypes-sample-recovery')?.back).toBe(
      '<ul>\n<li>Stop and ask what is predicted</li>\n<li>Name a baseline</li>\n</ul>',
    );
    expect(byId.get('gen-archetypes-sample-verdict')?.front).toBe(
      '<p>What does the interviewer conclude after watching the Sample Archetype?</p>',
    );
    expect(byId.get('gen-archetypes-sample-verdict')?.back).toBe('<p>Cannot reason about the problem.</p>');
  });

  it('places a phase between its neighbours and asks its purpose and key questions', () => {
    expect(byId.get('gen-phases-first-order')?.back).toBe('<p>Phase 1 of 5, before Success metrics.</p>');
    expect(byId.get('gen-phases-second-order')?.back).toBe('<p>Phase 2 of 5, after Why the problem exists.</p>');
    expect(byId.get('gen-phases-second-purpose')).toMatchObject({
      front: '<p>What is phase 2 (Success metrics) for?</p>',
      back: '<p>Agree what better means.</p>',
    });
    expect(byId.get('gen-phases-first-key-questions')?.back).toBe(
      '<ul>\n<li>Who acts on this?</li>\n<li>What happens today?</li>\n</ul>',
    );
  });

  it('drills the time budgets as a two-deletion cloze', () => {
    expect(byId.get('gen-phases-second-budget.c1')).toMatchObject({
      kind: 'cloze',
      noteId: 'gen-phases-second-budget',
      front:
        '<p>In a 45-minute round, phase 2 (Success metrics) gets <span class="cloze-blank">[minutes]</span>; in a 60-minute round it gets 8 minutes.</p>',
      back: '<p>In a 45-minute round, phase 2 (Success metrics) gets <span class="cloze-answer">6 minutes</span>; in a 60-minute round it gets 8 minutes.</p>',
    });
    expect(byId.get('gen-phases-second-budget.c2')?.back).toContain('<span class="cloze-answer">8 minutes</span>');
  });

  it('asks a practice prompt’s north star and binding constraint', () => {
    expect(byId.get('gen-prompts-feed-north-star')?.back).toBe('<p>Long-term engagement (7-day return rate).</p>');
    expect(byId.get('gen-prompts-feed-binding-constraint')?.front).toContain(
      '<em>Design the ranking system for a social feed.</em>',
    );
  });

  it('keeps ids when the wording changes', () => {
    const page = (tell: string, verdict: string) =>
      `---\ntitle: The X\ndescription: X.\nsection: archetypes\norder: 1\narchetype:\n  summary: S.\n  tells: ["${tell}", "Other"]\n  verdict: ${verdict}\n  recovery: [A, B]\n---\n`;
    const ids = (source: string) => {
      const result = buildDeck([{ path: 'archetypes/x.mdx', source }]);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      return result.build.deck.cards.map((c) => [c.id, c.hash] as const);
    };
    const before = ids(page('Names a model', 'Weak.'));
    const after = ids(page('Names a model in minute one', 'Weak.'));
    expect(after.map(([id]) => id)).toEqual(before.map(([id]) => id));
    // Only the edited card's hash moves, so the review app flags just that one.
    const changed = after.filter(([, hash], i) => before[i]?.[1] !== hash).map(([id]) => id);
    expect(changed).toEqual(['gen-archetypes-x-tell-1']);
  });
});
