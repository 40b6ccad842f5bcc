import { describe, expect, it } from 'vitest';
import { buildDeck, buildDeckFromDir, type DeckBuild } from '../../src/deck/build.ts';
import { linkPrefix } from '../../src/deck/outputs.ts';
import { escapeField, writeAnki } from '../../src/deck/write-anki.ts';

function build(): DeckBuild {
  const result = buildDeckFromDir('tests/fixtures/deck/valid');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.build;
}

/**
 * A reader for Anki's text format as its manual describes it (importing/text-files):
 * `#key:value` header lines at the top; fields split on the separator; a field
 * wrapped in double quotes may hold the separator, newlines and `""` (one quote).
 */
function parseAnki(text: string): { headers: Map<string, string>; rows: string[][] } {
  const headers = new Map<string, string>();
  let i = 0;
  while (text.startsWith('#', i)) {
    const end = text.indexOf('\n', i);
    const line = text.slice(i + 1, end);
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon), line.slice(colon + 1));
    i = end + 1;
  }
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && field === '') {
      i++;
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else {
          field += text[i];
          i++;
        }
      }
      continue;
    }
    if (ch === '\t') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
    i++;
  }
  return { headers, rows };
}

describe('Anki text export', () => {
  const deck = build();
  const text = writeAnki(deck.notes, { linkPrefix: '' });
  const { headers, rows } = parseAnki(text);

  it('starts with the file headers Anki 2.1.55+ reads, separator first', () => {
    expect(text.split('\n').slice(0, 7)).toEqual([
      '#separator:tab',
      '#html:true',
      '#guid column:1',
      '#notetype column:2',
      '#deck column:3',
      '#tags column:6',
      '#columns:id\tnotetype\tdeck\tFront or Text\tBack or Back Extra\ttags',
    ]);
    expect(headers.get('columns')?.split('\t')).toHaveLength(6);
  });

  it('writes one note per line with six fields and the stable id first', () => {
    // A cloze's cards are one Anki note; a basic card is its own note, with the deck's card id.
    const noteIds = [...new Set(deck.deck.cards.map((c) => (c.kind === 'cloze' ? c.noteId : c.id)))];
    expect(rows.map((r) => r[0])).toEqual(noteIds);
    for (const row of rows) expect(row).toHaveLength(6);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('writes Basic notes with HTML fields, a per-section deck and space-separated tags', () => {
    expect(rows.find((r) => r[0] === 'intro-basic')).toEqual([
      'intro-basic',
      'Basic',
      'Vibe Check::Start here',
      '<p>What is the p99 budget for a feed ranker?</p>',
      '<p>Under <strong>100 ms</strong> at p99, with <code>fallbacks</code>:</p> <ul> <li>cached results</li> <li>a <a href="/phases/first/">simpler model</a></li> </ul>',
      'latency numbers',
    ]);
    expect(rows.find((r) => r[0] === 'gen-prompts-feed-north-star')?.[2]).toBe('Vibe Check::Practice prompts');
  });

  it('writes Cloze notes with {{cN::text}} and {{cN::text::hint}}', () => {
    expect(rows.find((r) => r[0] === 'intro-cloze')).toEqual([
      'intro-cloze',
      'Cloze',
      'Vibe Check::Start here',
      '<p>Chargebacks arrive {{c1::30–90 days::days}} later, so labels are {{c2::stale}} and {{c2::sparse}}.</p>',
      '',
      '',
    ]);
  });

  it('quotes fields holding quotes, tabs or newlines and doubles the quotes inside', () => {
    expect(escapeField('plain')).toBe('plain');
    expect(escapeField('<a href="/x/">x</a>')).toBe('"<a href=""/x/"">x</a>"');
    expect(escapeField('a\tb')).toBe('"a\tb"');
    expect(escapeField('a\nb')).toBe('"a\nb"');
    // The raw line shows the quoting; the parser above undoes it.
    const line = text.split('\n').find((l) => l.startsWith('intro-basic\t'));
    expect(line).toContain('"<p>Under <strong>100 ms</strong>');
    expect(line).toContain('<a href=""/phases/first/"">simpler model</a>');
  });

  it('never puts a raw newline inside a field: <br> in code blocks, a space elsewhere', () => {
    const source =
      '---\ntitle: T\ndescription: D.\nsection: toolbox\norder: 1\n---\n\n<Card id="code" q="Code?">\nTwo\nlines and:\n\n```\nline one\nline two\n```\n</Card>\n';
    const result = buildDeck([{ path: 'toolbox/t.mdx', source }]);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const out = writeAnki(result.build.notes, { linkPrefix: '' });
    const lines = out.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('<p>Two lines and:</p> <pre><code>line one<br>line two<br></code></pre>');
  });

  it('makes links absolute under SITE_URL and BASE_PATH, with a link back to the guide', () => {
    const prefix = linkPrefix({ siteUrl: 'https://example.com/', base: '/vibe/' });
    expect(prefix).toBe('https://example.com/vibe');
    expect(linkPrefix({ siteUrl: 'https://example.com', base: undefined })).toBe('https://example.com');
    expect(linkPrefix({ siteUrl: undefined, base: '/vibe/' })).toBe('');
    const absolute = parseAnki(writeAnki(deck.notes, { linkPrefix: prefix })).rows;
    const back = absolute.find((r) => r[0] === 'intro-basic')?.[4] ?? '';
    expect(back).toContain('<a href="https://example.com/vibe/phases/first/">simpler model</a>');
    expect(back).toContain(
      '<p><a href="https://example.com/vibe/start-here/intro/#latency--the-budget">Intro page › Latency – the budget</a></p>',
    );
    expect(absolute.find((r) => r[0] === 'intro-cloze')?.[4]).toBe(
      '<p><a href="https://example.com/vibe/start-here/intro/#dont-panic">Intro page › Latency – the budget › Don’t panic…</a></p>',
    );
  });

  it('keeps deck.json links site-relative whatever the base', () => {
    expect(deck.deck.cards.find((c) => c.id === 'intro-basic')?.back).toContain('href="/phases/first/"');
  });
});
