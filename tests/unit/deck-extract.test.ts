import { describe, expect, it } from 'vitest';
import { buildDeck, buildDeckFromDir, type DeckBuild } from '../../src/deck/build.ts';
import { deckSchema, questionIndexSchema } from '../../src/lib/deck-schema.ts';

function build(dir = 'tests/fixtures/deck/valid'): DeckBuild {
  const result = buildDeckFromDir(dir);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.build;
}

const FRONTMATTER = '---\ntitle: Page\ndescription: A page.\nsection: toolbox\norder: 1\n---\n\n';

function buildOne(body: string): DeckBuild {
  const result = buildDeck([{ path: 'toolbox/page.mdx', source: FRONTMATTER + body }]);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.build;
}

describe('card extraction', () => {
  const { deck, questionIndex } = build();
  const byId = new Map(deck.cards.map((c) => [c.id, c]));

  it('produces output that satisfies the published schemas', () => {
    expect(deckSchema.safeParse(deck).success).toBe(true);
    expect(questionIndexSchema.safeParse(questionIndex).success).toBe(true);
  });

  it('turns a Card into a basic card with its answer rendered as HTML', () => {
    expect(byId.get('intro-basic')).toEqual({
      id: 'intro-basic',
      noteId: 'intro-basic',
      kind: 'basic',
      front: '<p>What is the p99 budget for a feed ranker?</p>',
      back:
        '<p>Under <strong>100 ms</strong> at p99, with <code>fallbacks</code>:</p>\n<ul>\n<li>cached results</li>\n' +
        '<li>a <a href="/phases/first/">simpler model</a></li>\n</ul>',
      // `## Latency -- the budget`: smart punctuation turns `--` into an en dash, which the slugger drops.
      concept: '/start-here/intro/#latency--the-budget',
      concepts: ['/start-here/intro/#latency--the-budget', '/phases/first/#why-it-matters', '/archetypes/sample/'],
      conceptTitle: ['Intro page', 'Latency – the budget'],
      section: 'start-here',
      tags: ['latency', 'numbers'],
      origin: 'authored',
      source: 'start-here/intro.mdx',
      hash: expect.stringMatching(/^[0-9a-f]{16}$/u),
    });
  });

  it('links a card with no heading above it to the page', () => {
    expect(byId.get('intro-before-headings')?.concept).toBe('/start-here/intro/');
    expect(byId.get('intro-before-headings')?.conceptTitle).toEqual(['Intro page']);
  });

  it('makes one cloze card per deletion group, with hints in the blanks', () => {
    const c1 = byId.get('intro-cloze.c1');
    const c2 = byId.get('intro-cloze.c2');
    expect(c1?.kind).toBe('cloze');
    expect(c1?.noteId).toBe('intro-cloze');
    expect(c1?.front).toBe(
      '<p>Chargebacks arrive <span class="cloze-blank">[days]</span> later, so labels are stale and sparse.</p>',
    );
    expect(c1?.back).toBe(
      '<p>Chargebacks arrive <span class="cloze-answer">30–90 days</span> later, so labels are stale and sparse.</p>',
    );
    // Both deletions with n="2" hide together; without a hint the blank shows an ellipsis.
    expect(c2?.front).toBe(
      '<p>Chargebacks arrive 30–90 days later, so labels are <span class="cloze-blank">[…]</span> and <span class="cloze-blank">[…]</span>.</p>',
    );
    // The h3 sits under the h2: the title path has both.
    expect(c2?.conceptTitle).toEqual(['Intro page', 'Latency – the budget', 'Don’t panic…']);
    expect(c2?.concept).toBe('/start-here/intro/#dont-panic');
    expect(byId.has('intro-cloze.c3')).toBe(false);
  });

  it('indexes every question, and makes a card only of a question with a situation', () => {
    // Without a situation there is nothing to apply the question to: it stays searchable only.
    expect(byId.has('intro-peak-qps')).toBe(false);
    expect(byId.has('intro-peak-qps.ask')).toBe(false);
    expect(byId.has('intro-no-why')).toBe(false);
    expect(byId.get('first-q-who-acts.ask')).toMatchObject({
      noteId: 'first-q-who-acts',
      kind: 'basic',
      origin: 'generated',
      front:
        '<p><strong>Phase 1, Why the problem exists (Why it matters).</strong> The prompt names a prediction but nobody who uses it.</p>\n<p>What do you ask, and why?</p>',
      back: '<p><em>“Who acts on this prediction, and what do they do differently?”</em></p>\n<p>The action defines the label and which errors cost most.</p>',
      concept: '/phases/first/#why-it-matters',
    });
    // On a practice page the prompt sets the scene and the heading names the phase.
    expect(byId.get('feed-q-latency.ask')?.front).toBe(
      '<p>Practice prompt: <em>Design the ranking system for a social feed.</em></p>\n<p><strong>Constraints.</strong> You know the feed shows about a thousand candidate posts per load.</p>\n<p>What do you ask, and why?</p>',
    );
    const questions = questionIndex.entries.filter((e) => e.kind === 'question' && e.id.startsWith('intro-'));
    expect(questions).toEqual([
      {
        id: 'intro-peak-qps',
        kind: 'question',
        text: 'What is the peak QPS, and how spiky is traffic?',
        detail: 'Peak load sizes the fleet.',
        concept: '/start-here/intro/#dont-panic',
      },
      {
        id: 'intro-no-why',
        kind: 'question',
        text: 'Who acts on the prediction?',
        concept: '/start-here/intro/#dont-panic',
      },
    ]);
  });

  it('indexes every card front once per note, cloze text with blanks', () => {
    const cardEntries = questionIndex.entries.filter((e) => e.kind === 'card');
    // A question is indexed as a question, not again through its card.
    const questionIds = new Set(questionIndex.entries.filter((e) => e.kind === 'question').map((e) => e.id));
    const noteIds = new Set(deck.cards.filter((c) => !questionIds.has(c.noteId)).map((c) => c.noteId));
    expect(new Set(cardEntries.map((e) => e.id))).toEqual(noteIds);
    expect(cardEntries.find((e) => e.id === 'intro-cloze')).toEqual({
      id: 'intro-cloze',
      kind: 'card',
      text: 'Chargebacks arrive [days] later, so labels are […] and […].',
      detail: 'Chargebacks arrive 30–90 days later, so labels are stale and sparse.',
      concept: '/start-here/intro/#dont-panic',
    });
  });

  it('lists every page and heading as a concept, with page aliases and keywords', () => {
    expect(questionIndex.concepts.slice(0, 4)).toEqual([
      {
        url: '/start-here/intro/',
        titlePath: ['Intro page'],
        section: 'start-here',
        aliases: ['getting started'],
        keywords: ['fixture'],
      },
      {
        url: '/start-here/intro/#latency--the-budget',
        titlePath: ['Intro page', 'Latency – the budget'],
        section: 'start-here',
        aliases: [],
        keywords: [],
      },
      {
        url: '/start-here/intro/#dont-panic',
        titlePath: ['Intro page', 'Latency – the budget', 'Don’t panic…'],
        section: 'start-here',
        aliases: [],
        keywords: [],
      },
      {
        url: '/start-here/intro/#wrap-up',
        titlePath: ['Intro page', 'Wrap up'],
        section: 'start-here',
        aliases: [],
        keywords: [],
      },
    ]);
  });

  it('orders cards by section, then page order, then position on the page', () => {
    const sources = [...new Set(deck.cards.map((c) => c.source))];
    expect(sources).toEqual([
      'start-here/intro.mdx',
      'archetypes/sample.mdx',
      'phases/first.mdx',
      'phases/second.mdx',
      'prompts/feed.mdx',
    ]);
  });

  it('keeps the gen- prefix for generated ids, so a retired generated id is never reused by an author', () => {
    const result = buildDeck([
      {
        path: 'toolbox/page.mdx',
        source: `${FRONTMATTER}<Card id="gen-phases-constraints-order" q="Q?">\nA.\n</Card>\n`,
      },
    ]);
    expect(result.ok ? [] : result.problems.map((p) => p.message)).toEqual([
      'id "gen-phases-constraints-order" starts with "gen-", which is kept for generated cards',
    ]);
  });

  it('changes a card’s hash when its text changes, and only then', () => {
    const a = buildOne('<Card id="h" q="Q?">\nAnswer.\n</Card>\n').deck.cards[0];
    const same = buildOne('## Moved under a heading\n\n<Card id="h" q="Q?" tags="x">\nAnswer.\n</Card>\n').deck
      .cards[0];
    const edited = buildOne('<Card id="h" q="Q?">\nAnswer, edited.\n</Card>\n').deck.cards[0];
    expect(same?.hash).toBe(a?.hash);
    expect(edited?.hash).not.toBe(a?.hash);
  });

  it('renders the Markdown subset cards use and keeps links site-relative', () => {
    const { deck: one } = buildOne(
      '<Card id="md" q="Markdown?">\nSome *emphasis*, **strong**, `code` and [a link](/toolbox/page/#x).\n\n1. first\n2. second\n</Card>\n',
    );
    expect(one.cards[0]?.back).toBe(
      '<p>Some <em>emphasis</em>, <strong>strong</strong>, <code>code</code> and <a href="/toolbox/page/#x">a link</a>.</p>\n<ol>\n<li>first</li>\n<li>second</li>\n</ol>',
    );
  });

  it('accepts MDX comments inside cards and leaves them out', () => {
    const { deck: one } = buildOne('<Card id="cm" q="Comment?">\nKept {/* not shown */} text.\n</Card>\n');
    expect(one.cards[0]?.back).toBe('<p>Kept  text.</p>');
  });
});
