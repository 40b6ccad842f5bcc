import { emit, html, requiredElement } from '../../lib/dom.ts';
import { formatClock, phaseBudgetsMs, readClock } from '../../lib/drill/clock.ts';
import type { DrillPhase as PhaseInfo, DrillPrompt } from '../../lib/drill/drill-data.ts';
import type { ActiveDrill } from '../../lib/drill/schema.ts';

const required = <T extends Element>(root: ParentNode, selector: string): T =>
  requiredElement<T>(root, selector, 'drill-phase');

/**
 * <drill-phase>: the phase being run, its clock (ticking each second, with one
 * overrun warning per phase), the notes and the hints. It reports what the
 * reader does with events; <drill-app> keeps the drill and saves it.
 */
export class DrillPhase extends HTMLElement {
  #phase = 0;
  #ticker = 0;
  #announcedOverrun = -1;
  readonly #el = {
    promptText: required<HTMLElement>(this, '[data-prompt-text]'),
    steps: required<HTMLOListElement>(this, '[data-steps]'),
    title: required<HTMLElement>(this, '[data-phase-title]'),
    timer: required<HTMLElement>(this, '[data-timer]'),
    purpose: required<HTMLElement>(this, '[data-phase-purpose]'),
    overrun: required<HTMLElement>(this, '[data-overrun]'),
    notes: required<HTMLTextAreaElement>(this, '[data-notes]'),
    hint: required<HTMLButtonElement>(this, '[data-hint]'),
    hintList: required<HTMLUListElement>(this, '[data-hint-list]'),
    next: required<HTMLButtonElement>(this, '[data-next]'),
    abandon: required<HTMLButtonElement>(this, '[data-abandon]'),
    live: required<HTMLElement>(this, '[data-live]'),
  };

  connectedCallback(): void {
    const { notes, hint, next, abandon } = this.#el;
    notes.addEventListener('input', () => emit(this, 'drill-notes-change', { phase: this.#phase, notes: notes.value }));
    hint.addEventListener('click', () => emit(this, 'drill-hint-request', { phase: this.#phase }));
    next.addEventListener('click', () => {
      this.#el.live.textContent = '';
      emit(this, 'drill-phase-end', { phase: this.#phase, notes: notes.value });
    });
    abandon.addEventListener('click', () => emit(this, 'drill-abandon', {}));
    for (const control of [notes, hint, next, abandon]) control.disabled = false;
  }

  disconnectedCallback(): void {
    this.stop();
  }

  /**
   * Shows the drill's current phase and starts its clock. `now` is the drill's
   * clock (monotonic within the page, from <drill-app>), not the wall clock.
   */
  show(drill: ActiveDrill, prompt: DrillPrompt, phases: readonly PhaseInfo[], now: () => number): void {
    const budgets = phaseBudgetsMs(drill.format, phases);
    const reading = readClock(budgets, drill, now());
    const phase = phases[reading.phase];
    if (reading.finished || !phase) return;
    const el = this.#el;
    const minutesOf = (p: PhaseInfo) => (drill.format === 45 ? p.minutes45 : p.minutes60);
    this.#phase = reading.phase;
    el.promptText.textContent = prompt.prompt;
    el.steps.replaceChildren(
      ...phases.map((p, i) =>
        html('li', {
          text: `${i + 1}. ${p.name} (${minutesOf(p)} min)`,
          attrs: { 'aria-current': i === reading.phase && 'step' },
        }),
      ),
    );
    el.title.textContent = `Phase ${reading.phase + 1} of ${phases.length}: ${phase.name}`;
    el.purpose.textContent = phase.purpose;
    el.notes.value = drill.notes[reading.phase] ?? '';
    el.next.textContent = reading.phase === phases.length - 1 ? 'Finish the interview' : 'Next phase';
    el.overrun.hidden = true;
    this.#announcedOverrun = -1;
    const tick = () => this.#tick(budgets, drill, minutesOf(phase), now);
    tick();
    this.stop();
    this.#ticker = window.setInterval(tick, 1000);
  }

  /** Lists the first `shown` hints; the button says when there are no more. */
  showHints(hints: readonly string[], shown: number): void {
    const count = Math.min(shown, hints.length);
    this.#el.hintList.replaceChildren(...hints.slice(0, count).map((text) => html('li', { text })));
    this.#el.hint.disabled = count >= hints.length;
    this.#el.hint.textContent = count >= hints.length ? 'No more hints for this phase' : 'Show a hint question';
  }

  /** Reads out the hint just revealed. */
  announceLatestHint(): void {
    this.#el.live.textContent = this.#el.hintList.lastElementChild?.textContent ?? '';
  }

  stop(): void {
    clearInterval(this.#ticker);
  }

  focusTitle(): void {
    this.#el.title.focus();
  }

  #tick(budgets: readonly number[], drill: ActiveDrill, minutes: number, now: () => number): void {
    const reading = readClock(budgets, drill, now());
    if (reading.finished) return;
    const { timer, overrun, live } = this.#el;
    timer.textContent = reading.overrun
      ? `${formatClock(-reading.remaining)} over`
      : `${formatClock(reading.remaining)} left`;
    timer.classList.toggle('is-overrun', reading.overrun);
    if (reading.overrun && this.#announcedOverrun !== reading.phase) {
      this.#announcedOverrun = reading.phase;
      const message = `This phase is over its ${minutes}-minute budget. Wrap up your point and move on when you can.`;
      overrun.textContent = message;
      overrun.hidden = false;
      live.textContent = message;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'drill-phase': DrillPhase;
  }
  interface HTMLElementEventMap {
    /** The notes of `phase` changed (on every keystroke; saving is cheap). */
    'drill-notes-change': CustomEvent<{ phase: number; notes: string }>;
    /** The reader asked for one more hint in `phase`. */
    'drill-hint-request': CustomEvent<{ phase: number }>;
    /** The reader closed `phase` (its final notes included). */
    'drill-phase-end': CustomEvent<{ phase: number; notes: string }>;
    /** The reader gave up this drill. */
    'drill-abandon': CustomEvent<Record<string, never>>;
  }
}

customElements.define('drill-phase', DrillPhase);
