import type { DeckFilter } from './deck.ts';

/** What a /review/ URL asks for: the filter form's fields and drill mode's focused-review link. */
export interface ReviewParams {
  filter: DeckFilter;
  cram: boolean;
  /** Concept URLs from `?concepts=a,b` (drill mode); empty for every card. */
  concepts: string[];
  /** `?page=/a/` (a guide's "N cards here" link): the cards written on that guide, not those that link to it. */
  page: string | null;
}

/** Reads `?section=&tag=&mode=cram&concepts=&page=` the way the filter form, drill mode and guides write them. */
export function readReviewParams(search: string): ReviewParams {
  const params = new URLSearchParams(search);
  return {
    filter: { section: params.get('section') || null, tag: params.get('tag') || null },
    cram: params.get('mode') === 'cram',
    concepts: (params.get('concepts') ?? '').split(',').filter(Boolean),
    page: params.get('page') || null,
  };
}
