import { deckSchema, questionIndexSchema, type Deck, type QuestionIndex } from '../../src/lib/deck-schema.ts';
import { expect, test, vibeBaseUrl } from './support/fixtures.ts';

/** Ids of headings in a page's HTML (h1–h6 with an id attribute). */
function headingIds(html: string): Set<string> {
  const ids = new Set<string>();
  for (const match of html.matchAll(/<h[1-6]\b[^>]*\sid="([^"]+)"/gu)) if (match[1]) ids.add(match[1]);
  return ids;
}

test.describe('deck files', () => {
  test('are published at the site root and match their schemas', async ({ request }) => {
    const deck = await request.get('/deck.json');
    expect(deck.status()).toBe(200);
    const parsed = deckSchema.parse(await deck.json());
    expect(parsed.cards.length).toBeGreaterThan(0);
    questionIndexSchema.parse(await (await request.get('/questions.json')).json());
    const schema = await (await request.get('/deck.schema.json')).json();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const anki = await request.get('/vibe-check.anki.txt');
    expect(anki.status()).toBe(200);
    expect((await anki.text()).startsWith('#separator:tab\n#html:true\n')).toBe(true);
  });

  test('every concept URL lands on a heading id (or page) in the built HTML', async ({ request }) => {
    test.setTimeout(120_000);
    const deck = (await (await request.get('/deck.json')).json()) as Deck;
    const index = (await (await request.get('/questions.json')).json()) as QuestionIndex;
    const urls = new Set<string>([
      ...deck.cards.flatMap((c) => c.concepts),
      ...index.entries.map((e) => e.concept),
      ...index.concepts.map((c) => c.url),
    ]);
    const anchorsByPage = new Map<string, string[]>();
    for (const url of urls) {
      const [path = '', anchor] = url.split('#');
      const list = anchorsByPage.get(path) ?? [];
      if (anchor) list.push(anchor);
      anchorsByPage.set(path, list);
    }
    const missing: string[] = [];
    for (const [path, anchors] of anchorsByPage) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      const ids = headingIds(await response.text());
      for (const anchor of anchors) if (!ids.has(anchor)) missing.push(`${path}#${anchor}`);
    }
    expect(missing).toEqual([]);
  });

  test('every authored card is rendered on the page it links to', async ({ request }) => {
    test.setTimeout(120_000);
    const deck = (await (await request.get('/deck.json')).json()) as Deck;
    const notesByPage = new Map<string, Set<string>>();
    for (const card of deck.cards.filter((c) => c.origin === 'authored')) {
      const path = card.concept.split('#')[0] ?? '';
      notesByPage.set(path, (notesByPage.get(path) ?? new Set()).add(card.noteId));
    }
    for (const [path, noteIds] of notesByPage) {
      const html = await (await request.get(path)).text();
      for (const id of noteIds) {
        expect(
          html.includes(`data-card-id="${id}"`) || html.includes(`data-question-id="${id}"`),
          `${path} ${id}`,
        ).toBe(true);
      }
    }
  });

  test('under BASE_PATH, deck links stay site-relative and Anki links honour the base', async ({ request }) => {
    const base = vibeBaseUrl();
    const deckText = await (await request.get(`${base}deck.json`)).text();
    const deck = deckSchema.parse(JSON.parse(deckText));
    expect(deck.cards.length).toBeGreaterThan(0);
    expect(deckText).not.toContain('href=\\"/vibe/');
    expect(deck.cards.every((c) => c.concepts.every((url) => !url.startsWith('/vibe/')))).toBe(true);
    const anki = await (await request.get(`${base}vibe-check.anki.txt`)).text();
    // With SITE_URL set, Anki links are absolute and carry the base; without it there are none to the site.
    const concepts = new Set(deck.cards.map((c) => c.concept));
    const links = [...anki.matchAll(/href=""https?:\/\/[^/"]+(\/[^"]*)""/gu)].map((m) => m[1] ?? '');
    for (const path of links.filter((p) => concepts.has(p.replace(/^\/vibe/u, '')))) {
      expect(path.startsWith('/vibe/'), path).toBe(true);
    }
  });
});
