import { getCollection, type CollectionEntry } from 'astro:content';
import { SECTIONS, type SectionId } from './sections.ts';
import { guideUrl } from './urls.ts';

export type Guide = CollectionEntry<'guides'>;

export interface NavSection {
  id: SectionId;
  label: string;
  guides: Guide[];
}

/** Every guide in reading order: by section, then by `order`, then by id for stability. */
export async function getGuidesInOrder(): Promise<Guide[]> {
  const all = await getCollection('guides');
  const sectionRank = new Map(SECTIONS.map((s, i) => [s.id, i]));
  return all.sort(
    (a, b) =>
      (sectionRank.get(a.data.section) ?? 0) - (sectionRank.get(b.data.section) ?? 0) ||
      a.data.order - b.data.order ||
      a.id.localeCompare(b.id),
  );
}

/** The sidebar: sections in order, each with its guides; empty sections are left out. */
export async function getNavigation(): Promise<NavSection[]> {
  const guides = await getGuidesInOrder();
  return SECTIONS.map((s) => ({
    id: s.id,
    label: s.label,
    guides: guides.filter((g) => g.data.section === s.id),
  })).filter((s) => s.guides.length > 0);
}

export { guideUrl };
