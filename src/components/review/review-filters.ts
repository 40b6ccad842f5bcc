import { requiredElement } from '../../lib/dom.ts';
import { readReviewParams } from '../../lib/review/review-params.ts';

/**
 * <review-filters>: shows the filters the page was opened with. The form itself
 * needs no script (it is a GET form), so its controls are never disabled.
 */
export class ReviewFilters extends HTMLElement {
  connectedCallback(): void {
    const { filter, cram } = readReviewParams(location.search);
    requiredElement<HTMLSelectElement>(this, '[data-filter-section]', 'review-filters').value = filter.section ?? '';
    requiredElement<HTMLSelectElement>(this, '[data-filter-tag]', 'review-filters').value = filter.tag ?? '';
    requiredElement<HTMLInputElement>(this, '[data-filter-cram]', 'review-filters').checked = cram;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'review-filters': ReviewFilters;
  }
}

customElements.define('review-filters', ReviewFilters);
