/**
 * The site's sections, in reading order. The sidebar, prev/next links, the deck's
 * Anki sub-decks and the review filters all derive from this one list.
 */
export const SECTIONS = [
  { id: 'start-here', label: 'Start here' },
  { id: 'archetypes', label: 'Archetypes' },
  { id: 'phases', label: 'Phases' },
  { id: 'toolbox', label: 'Design toolbox' },
  { id: 'building-blocks', label: 'Building blocks' },
  { id: 'in-the-room', label: 'In the room' },
  { id: 'wrap-up', label: 'Wrap-up' },
  { id: 'examples', label: 'Examples' },
  { id: 'prompts', label: 'Practice prompts' },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];

export const SECTION_IDS = SECTIONS.map((s) => s.id) as [SectionId, ...SectionId[]];

export function sectionLabel(id: SectionId): string {
  const section = SECTIONS.find((s) => s.id === id);
  if (!section) throw new Error(`Unknown section: ${id}`);
  return section.label;
}
