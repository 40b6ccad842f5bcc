import type { SectionId } from '../sections.ts';
import type { ReplayedCard } from '../srs/replay.ts';
import { State, type Scheduler } from '../srs/scheduler.ts';

/** What readiness needs of a deck card (a subset of `DeckCard`). */
export interface ReadinessCard {
  id: string;
  /** Concept URL: a guide page, optionally with a heading anchor. */
  concept: string;
  /** Page title, then heading text. */
  conceptTitle: readonly string[];
  section: SectionId;
}

/** Predicted recall of a group of cards at one instant. */
export interface RecallGroup {
  /** Section id, page URL or concept URL. */
  key: string;
  title: string;
  section: SectionId;
  cards: number;
  /** Cards reviewed at least once. */
  studied: number;
  /** Mean predicted recall over all the group's cards; a card never reviewed counts 0. */
  recall: number;
}

export interface Readiness {
  at: number;
  overall: RecallGroup;
  sections: RecallGroup[];
  /** Guide pages: each phase and archetype is one page. */
  pages: RecallGroup[];
  concepts: RecallGroup[];
}

/**
 * Probability of recalling the card at `at`: ts-fsrs's forgetting curve for
 * the card's stability over the whole days since its last review, as the
 * scheduler computes it; 0 for a card never reviewed.
 */
export function recallAt(scheduler: Scheduler, state: ReplayedCard | undefined, at: number): number {
  if (!state || state.card.state === State.New) return 0;
  return scheduler.retrievability(state.card, at);
}

/** The page a concept belongs to: its URL without the heading anchor. */
export function pageOf(concept: string): string {
  const hash = concept.indexOf('#');
  return hash === -1 ? concept : concept.slice(0, hash);
}

function accumulate(
  groups: Map<string, RecallGroup>,
  key: string,
  title: string,
  section: SectionId,
  recall: number,
  studied: boolean,
): void {
  const group = groups.get(key) ?? { key, title, section, cards: 0, studied: 0, recall: 0 };
  group.cards++;
  if (studied) group.studied++;
  group.recall += recall;
  groups.set(key, group);
}

function means(groups: Map<string, RecallGroup>): RecallGroup[] {
  return [...groups.values()].map((group) => ({
    ...group,
    recall: group.cards === 0 ? 0 : group.recall / group.cards,
  }));
}

/**
 * Predicted recall at `at` (now, or the interview) per section, per page and per
 * concept, in deck order. `sectionLabel` names a section for its group title.
 */
export function readiness(
  scheduler: Scheduler,
  states: ReadonlyMap<string, ReplayedCard>,
  cards: readonly ReadinessCard[],
  at: number,
  sectionLabel: (id: SectionId) => string,
): Readiness {
  const sections = new Map<string, RecallGroup>();
  const pages = new Map<string, RecallGroup>();
  const concepts = new Map<string, RecallGroup>();
  let total = 0;
  let studied = 0;
  for (const card of cards) {
    const state = states.get(card.id);
    const isStudied = state !== undefined && state.card.state !== State.New;
    const recall = recallAt(scheduler, state, at);
    total += recall;
    if (isStudied) studied++;
    accumulate(sections, card.section, sectionLabel(card.section), card.section, recall, isStudied);
    accumulate(pages, pageOf(card.concept), card.conceptTitle[0] ?? card.concept, card.section, recall, isStudied);
    accumulate(concepts, card.concept, card.conceptTitle.join(' › '), card.section, recall, isStudied);
  }
  const count = cards.length;
  return {
    at,
    overall: {
      key: 'all',
      title: 'All cards',
      section: cards[0]?.section ?? 'start-here',
      cards: count,
      studied,
      recall: count === 0 ? 0 : total / count,
    },
    sections: means(sections),
    pages: means(pages),
    concepts: means(concepts),
  };
}

/**
 * The `limit` studied concepts least likely to be recalled at the readiness
 * instant, weakest first: what was learned and is slipping. Concepts never
 * studied are all at 0 and belong to the plan's new cards, not to this list.
 */
export function weakestConcepts(result: Readiness, limit = 5): RecallGroup[] {
  return result.concepts
    .filter((group) => group.studied > 0)
    .sort((a, b) => a.recall - b.recall || a.key.localeCompare(b.key))
    .slice(0, limit);
}
