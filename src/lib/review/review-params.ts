import type { DeckFilter } from './deck.ts';

/** What a /review/ URL asks for: the filter form's fields and drill mode's focused-review link. */
export interface ReviewParams {
  filter: DeckFilter;
  cram: boolean;
  /** Concept URLs from `?concepts=a,b` (drill mode) or `?page=/a/` (a guide's "due now" link); empty for every card. */
  concepts: string[];
}

/** Reads `?section=&tag=&mode=cram&concepts=&page=` the way the filter form, drill mode and guides write them. */
export function readReviewParams(search: string): ReviewParams {
  const params = new URLSearchParams(search);
  return {
    filter: { section: params.get('section') || null, tag: params.get('tag') || null },
    cram: params.get('mode') === 'cram',
    // A page is the concept of every section of it.
    concepts: [...(params.get('concepts') ?? '').split(','), params.get('page')].filter((c): c is string => !!c),
  };
}
