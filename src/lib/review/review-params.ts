import type { DeckFilter } from './deck.ts';

/** What a /review/ URL asks for: the filter form's fields and drill mode's focused-review link. */
export interface ReviewParams {
  filter: DeckFilter;
  cram: boolean;
  /** Concept URLs from `?concepts=a,b`; empty for every card. */
  concepts: string[];
}

/** Reads `?section=&tag=&mode=cram&concepts=` the way the filter form and drill mode write them. */
export function readReviewParams(search: string): ReviewParams {
  const params = new URLSearchParams(search);
  return {
    filter: { section: params.get('section') || null, tag: params.get('tag') || null },
    cram: params.get('mode') === 'cram',
    concepts: (params.get('concepts') ?? '').split(',').filter(Boolean),
  };
}
