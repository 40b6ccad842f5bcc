import { compareCodeUnits } from './compare.ts';
import { SECTION_IDS, type SectionId } from './sections.ts';

/** Where a guide stands in the site: its section, its `order` there, and its content id. */
export interface ReadingPosition {
  section: SectionId;
  order: number;
  id: string;
}

const SECTION_RANK = new Map<string, number>(SECTION_IDS.map((id, rank) => [id, rank]));

/**
 * Reading order, for the sidebar, prev/next links and the deck: by section, then
 * by `order`, then by id (code units, so every machine sorts the same).
 */
export function compareReadingOrder(a: ReadingPosition, b: ReadingPosition): number {
  return (
    (SECTION_RANK.get(a.section) ?? 0) - (SECTION_RANK.get(b.section) ?? 0) ||
    a.order - b.order ||
    compareCodeUnits(a.id, b.id)
  );
}
