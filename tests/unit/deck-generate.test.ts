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

  it('labels every template card generated: prompt facts and questions turned into application cards', () => {
    expect(generated.map((c) => c.id)).toEqual([
      'first-q-who-acts.ask',
      'feed-q-latency.ask',
      'gen-prompts-feed-north-star',
      'gen-prompts-feed-binding-constraint',
    ]);
    expect(deck.cards.filter((c) => c.origin === 'authored').every((c) => !c.id.startsWith('gen-'))).toBe(true);
  });

  it('never brings back a retired template: archetype summary, tells, verdict, recovery; phase order, purpose, key questions, budget', () => {
    // The fixture's archetype and phase frontmatter would feed every retired template.
    const retired =
      /^gen-(archetypes-sample-(summary|tell-\d+|verdict|recovery)|phases-(first|second)-(order|purpose|key-questions|budget))/u;
    expect(deck.cards.filter((c) => retired.test(c.id))).toEqual([]);
  });

  it('asks a practice prompt’s north star and binding constraint', () => {
    expect(byId.get('gen-prompts-feed-north-star')).toMatchObject({
      front:
        '<p>Practice prompt:</p>\n<p><em>Design the ranking system for a social feed.</em></p>\n<p>What is the north-star metric?</p>',
      back: '<p>Long-term engagement (7-day return rate).</p>',
      concept: '/prompts/feed/',
      tags: ['prompt'],
    });
    expect(byId.get('gen-prompts-feed-binding-constraint')?.front).toContain(
      '<em>Design the ranking system for a social feed.</em>',
    );
  });

  it('points lint findings on a generated card at the frontmatter field it comes from', () => {
    const { notes } = build();
    const northStar = notes.find(({ note }) => note.id === 'gen-prompts-feed-north-star')?.note;
    expect(northStar?.place).toEqual({ line: 8, column: 3 });
  });

  it('keeps ids when the wording changes, and moves only the edited card’s hash', () => {
    const page = (northStar: string) =>
      `---\ntitle: X\ndescription: X.\nsection: prompts\norder: 1\npractice:\n  prompt: Design X.\n  northStar: ${northStar}\n  bindingConstraint: Latency at peak.\n---\n`;
    const ids = (source: string) => {
      const result = buildDeck([{ path: 'prompts/x.mdx', source }]);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      return result.build.deck.cards.map((c) => [c.id, c.hash] as const);
    };
    const before = ids(page('Retained users.'));
    const after = ids(page('Retained weekly users.'));
    expect(after.map(([id]) => id)).toEqual(before.map(([id]) => id));
    const changed = after.filter(([, hash], i) => before[i]?.[1] !== hash).map(([id]) => id);
    expect(changed).toEqual(['gen-prompts-x-north-star']);
  });
});
