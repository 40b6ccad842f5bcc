import { emit, requiredElement } from '../../lib/dom.ts';
import type { SelfAssessment } from '../../lib/drill/assessment.ts';

/** <drill-assess>: the rubric and the archetypes (rendered with the page); submitting emits `drill-assessed`. */
export class DrillAssess extends HTMLElement {
  readonly #form = requiredElement<HTMLFormElement>(this, '[data-assess-form]', 'drill-assess');
  readonly #title = requiredElement<HTMLElement>(this, '#drill-assess-title', 'drill-assess');

  connectedCallback(): void {
    requiredElement<HTMLButtonElement>(this, '[data-assess-submit]', 'drill-assess').disabled = false;
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      const form = new FormData(this.#form);
      const phases = this.#form.querySelectorAll('[data-rubric] fieldset').length;
      emit(this, 'drill-assessed', {
        scores: Array.from({ length: phases }, (_, i) => Number(form.get(`score-${i}`))),
        archetypeIds: form.getAll('archetype').map(String),
      });
    });
  }

  focusTitle(): void {
    this.#title.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'drill-assess': DrillAssess;
  }
  interface HTMLElementEventMap {
    /** The self-assessment was submitted (every phase scored; the form requires it). */
    'drill-assessed': CustomEvent<SelfAssessment>;
  }
}

customElements.define('drill-assess', DrillAssess);
