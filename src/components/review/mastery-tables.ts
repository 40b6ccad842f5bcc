import type { DeckCard } from '../../lib/deck-schema.ts';
import { html } from '../../lib/dom.ts';
import { sectionLabel, type SectionId } from '../../lib/sections.ts';
import type { masteryByConcept } from '../../lib/srs/stats.ts';
import { withBase } from '../../lib/urls.ts';

const MASTERY_SECTIONS: SectionId[] = ['phases', 'archetypes'];

export function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** A table per section (phases, archetypes): each concept, how many of its cards are studied, and its mastery. */
export function masteryTables(cards: readonly DeckCard[], mastery: ReturnType<typeof masteryByConcept>): Node[] {
  const byConcept = new Map(mastery.map((m) => [m.concept, m]));
  return MASTERY_SECTIONS.flatMap((section) => {
    const sectionCards = cards.filter((card) => card.section === section);
    if (sectionCards.length === 0) return [];
    const seen = new Set<string>();
    const rows = sectionCards.flatMap((card) => {
      const entry = byConcept.get(card.concept);
      if (seen.has(card.concept) || !entry) return [];
      seen.add(card.concept);
      return [
        html(
          'tr',
          {},
          html('td', {}, html('a', { attrs: { href: withBase(card.concept) }, text: card.conceptTitle.join(' › ') })),
          html('td', { text: `${entry.studied} / ${entry.cards}` }),
          html(
            'td',
            {},
            html('meter', {
              attrs: { min: 0, max: 1, 'aria-label': `Mastery of ${card.conceptTitle.join(', ')}` },
              init: (meter) => (meter.value = entry.mastery),
            }),
            ` ${percent(entry.mastery)}`,
          ),
        ),
      ];
    });
    const column = (text: string) => html('th', { attrs: { scope: 'col' }, text });
    return [
      html('h3', { className: 'mastery-group', text: sectionLabel(section) }),
      html(
        'table',
        { className: 'mastery-table' },
        html('thead', {}, html('tr', {}, column('Concept'), column('Studied'), column('Mastery'))),
        html('tbody', {}, ...rows),
      ),
    ];
  });
}
