import { toHtml } from 'hast-util-to-html';
import type { Root as HastRoot } from 'hast';
import { sectionLabel } from '../lib/sections.ts';
import type { PlacedNote } from './build.ts';
import { basicCardId } from './model.ts';
import { renderHast } from './render-html.ts';

export interface AnkiOptions {
  /** `https://example.com/vibe`: makes links absolute and adds a link back to the guide. Empty keeps them site-relative. */
  linkPrefix: string;
}

/**
 * Anki's "Text files" import format (Anki 2.1.55+ file headers), one note a line:
 * GUID (the note's stable id, so a re-import updates notes in place and keeps
 * their scheduling), note type (Basic or Cloze), deck, the two fields, tags.
 * Fields never contain raw newlines (Anki's cloze import breaks on multi-line
 * quoted fields); HTML `<br>` stands in where a line break matters.
 */
export function writeAnki(notes: readonly PlacedNote[], options: AnkiOptions): string {
  const lines = [
    '#separator:tab',
    '#html:true',
    '#guid column:1',
    '#notetype column:2',
    '#deck column:3',
    '#tags column:6',
    ['#columns:id', 'notetype', 'deck', 'Front or Text', 'Back or Back Extra', 'tags'].join('\t'),
  ];
  const render = (content: Parameters<typeof renderHast>[0], cloze?: 'anki'): string =>
    toHtml(renderHast(content, { singleLine: true, linkPrefix: options.linkPrefix, ...(cloze ? { cloze } : {}) }));
  for (const { note, page } of notes) {
    const content = note.content;
    if (!content) continue;
    const deck = `Vibe Check::${sectionLabel(page.frontmatter.section)}`;
    const source = options.linkPrefix ? sourceLink(options.linkPrefix + note.concept, note.conceptTitle) : '';
    const fields =
      content.kind === 'basic'
        ? [basicCardId(note), 'Basic', deck, render(content.front), render(content.back) + source]
        : [note.id, 'Cloze', deck, render(content.body, 'anki'), source];
    lines.push([...fields, note.tags.join(' ')].map(escapeField).join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Anki's quoting rule: a field holding the separator, a line break or a double
 * quote is wrapped in double quotes, and each double quote inside is doubled.
 */
export function escapeField(field: string): string {
  const needsQuotes = field.includes('\t') || field.includes('\n') || field.includes('\r') || field.includes('"');
  return needsQuotes ? `"${field.split('"').join('""')}"` : field;
}

function sourceLink(href: string, titlePath: readonly string[]): string {
  const link: HastRoot = {
    type: 'root',
    children: [
      {
        type: 'element',
        tagName: 'p',
        properties: {},
        children: [
          {
            type: 'element',
            tagName: 'a',
            properties: { href },
            children: [{ type: 'text', value: titlePath.join(' › ') }],
          },
        ],
      },
    ],
  };
  return toHtml(link);
}
