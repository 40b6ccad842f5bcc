import { getCollection, type CollectionEntry } from 'astro:content';
import type { ArchetypeFrontmatter, PhaseFrontmatter } from './guide-schema.ts';
import { compareReadingOrder } from './reading-order.ts';
import { SECTIONS, type SectionId } from './sections.ts';
import { guideUrl } from './urls.ts';

export type Guide = CollectionEntry<'guides'>;

export interface NavSection {
  id: SectionId;
  label: string;
  guides: Guide[];
}

/** Every guide in reading order (see reading-order.ts, which the deck follows too). */
export async function getGuidesInOrder(): Promise<Guide[]> {
  const all = await getCollection('guides');
  return all.sort((a, b) => compareReadingOrder({ ...a.data, id: a.id }, { ...b.data, id: b.id }));
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

/** A phase of the framework with the guide that teaches it. */
export interface PhaseGuide extends PhaseFrontmatter {
  id: string;
  /** Site-relative URL of the phase's guide. */
  url: string;
}

/** A failure archetype with the guide that portrays it. */
export interface ArchetypeGuide extends ArchetypeFrontmatter {
  id: string;
  title: string;
  /** Site-relative URL of the archetype's guide. */
  url: string;
}

/** The framework's phases, by phase number, from the `phase` frontmatter (home page and drill). */
export async function getPhases(): Promise<PhaseGuide[]> {
  const guides = await getGuidesInOrder();
  return guides
    .flatMap((g) => (g.data.phase ? [{ ...g.data.phase, id: g.id, url: guideUrl(g.id) }] : []))
    .sort((a, b) => a.number - b.number);
}

/** The failure archetypes, in reading order, from the `archetype` frontmatter (home page and drill). */
export async function getArchetypes(): Promise<ArchetypeGuide[]> {
  const guides = await getGuidesInOrder();
  return guides.flatMap((g) =>
    g.data.archetype ? [{ ...g.data.archetype, id: g.id, title: g.data.title, url: guideUrl(g.id) }] : [],
  );
}
