import { emit, requiredElement } from '../../lib/dom.ts';
import type { InterviewInput } from '../../lib/plan/interview-input.ts';
import { INTERVIEW_MAX_DAYS_AHEAD } from '../../lib/review-log/constants.ts';
import type { Interview } from '../../lib/review-log/interview-schema.ts';
import { requestPlan } from '../../lib/plan/plan-client.ts';
import { PLAN_FORM_ERROR } from '../../lib/plan/plan-protocol.ts';
import type { PlanReport } from '../../lib/plan/plan-report.ts';
import type { ReviewSettings } from '../../lib/review-log/schema.ts';
import { runtimeFileUrl } from '../../lib/app-files.ts';
import { WorkerError } from '../../lib/worker-rpc.ts';
import './fsrs-optimizer.ts';
import { planView, readinessView } from './plan-view.ts';

const required = <T extends Element>(root: ParentNode, selector: string): T =>
  requiredElement<T>(root, selector, 'interview-plan');

function toDateInput(at: number): { date: string; time: string } {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    time: `${pad(d.getHours())}:${pad(d.getMinutes())}`,
  };
}

/**
 * <interview-plan>: the interview date form and the plan to it. The plan is
 * worked out in a worker from the stored log; saving asks the review app to
 * store the date with the settings (`plan-settings-change`), so it travels in
 * the progress file.
 */
export class InterviewPlan extends HTMLElement {
  readonly #form = required<HTMLFormElement>(this, '[data-plan-form]');
  readonly #save = required<HTMLButtonElement>(this, '[data-plan-save]');
  readonly #clear = required<HTMLButtonElement>(this, '[data-plan-clear]');
  readonly #error = required<HTMLElement>(this, '[data-plan-error]');
  readonly #status = required<HTMLElement>(this, '[data-plan-status]');
  readonly #view = required<HTMLElement>(this, '[data-plan-view]');
  readonly #optimizer = required<HTMLElementTagNameMap['fsrs-optimizer']>(this, 'fsrs-optimizer');
  /** The settings the last report was made with: changes apply to them. */
  #settings: ReviewSettings | null = null;
  /** The last report drawn: a refused form leaves it on screen. */
  #report: PlanReport | null = null;
  /** Answers to requests older than the latest are dropped (a quick second save). */
  #request = 0;

  connectedCallback(): void {
    this.#form.addEventListener('submit', this.#onSubmit);
    this.#clear.addEventListener('click', this.#onClear);
    void this.#refresh({ fillForm: true });
  }

  disconnectedCallback(): void {
    this.#form.removeEventListener('submit', this.#onSubmit);
    this.#clear.removeEventListener('click', this.#onClear);
  }

  /** Says whether the date (stored with the settings) reached storage; `message` comes from the page's storage status. */
  confirmSaved(message: string): void {
    this.#status.textContent = message;
  }

  /** The settings were changed in another tab: the plan and its form are redrawn from the stored ones. */
  settingsChanged(settings: ReviewSettings): void {
    // The settings come with the request: the kept worker may not have re-read the stored ones yet.
    void this.#refresh({ settings, fillForm: true });
  }

  /**
   * Asks the worker for a report: with `settings`, from those rather than the
   * stored ones; with `interviewForm`, from the date typed, which the worker
   * checks — when it is valid, the review app is asked to store it.
   */
  async #refresh(options: {
    settings?: ReviewSettings;
    interviewForm?: InterviewInput;
    fillForm?: boolean;
  }): Promise<void> {
    const request = ++this.#request;
    this.#view.textContent = 'Working out the plan…';
    let report: PlanReport;
    try {
      report = await requestPlan({
        deckUrl: this.dataset['deckUrl'] ?? runtimeFileUrl('deck'),
        search: location.search,
        now: Date.now(),
        ...(options.settings ? { settings: options.settings } : {}),
        ...(options.interviewForm ? { interviewForm: options.interviewForm } : {}),
      });
    } catch (error) {
      if (request !== this.#request) return;
      const message = error instanceof WorkerError ? error.message : 'The plan could not be worked out.';
      if (error instanceof WorkerError && error.code === PLAN_FORM_ERROR) {
        this.#error.textContent = message;
        // A refused form leaves the plan as it was, redrawn from the last report (no second request);
        // only a form sent before the first report arrived (whose answer is now dropped) asks again.
        if (this.#report) this.#render(this.#report);
        else void this.#refresh(this.#settings ? { settings: this.#settings } : {});
      } else this.#view.textContent = message;
      return;
    }
    if (request !== this.#request) return;
    const interview = report.settings.interview;
    if (options.interviewForm && interview)
      emit(this, 'plan-settings-change', { update: (s) => ({ ...s, interview }) });
    this.#settings = report.settings;
    this.#report = report;
    if (options.fillForm && interview) this.#fill(interview);
    this.#save.disabled = false;
    this.#clear.disabled = !interview;
    this.#optimizer.show(report, (parameters) => this.#change((current) => ({ ...current, parameters })));
    this.#render(report);
  }

  #fill(interview: Interview): void {
    const { date, time } = toDateInput(interview.at);
    const set = (name: string, value: string) => {
      const input = this.#form.elements.namedItem(name);
      if (input instanceof HTMLInputElement) input.value = value;
    };
    set('date', date);
    set('time', time);
    set('minutes', interview.minutesPerDay === undefined ? '' : String(interview.minutesPerDay));
    set('margin', String(interview.marginDays));
  }

  #render(report: PlanReport): void {
    const { interview } = report.settings;
    if (report.interviewPassed) {
      this.#view.textContent =
        'Your interview date has passed: reviews are scheduled for long-term memory again. Set a new date for the next one.';
      return;
    }
    if (report.interviewTooFar) {
      this.#view.textContent = `Your interview date is more than ${INTERVIEW_MAX_DAYS_AHEAD} days away, further than the plan works to: set a date within ${INTERVIEW_MAX_DAYS_AHEAD / 365} years to see one.`;
      return;
    }
    if (!interview || !report.plan || !report.readiness) {
      this.#view.textContent = 'Set the date of your interview to see how many new cards a day get you there.';
      return;
    }
    const { overall, weakest } = report.readiness;
    this.#view.replaceChildren(
      ...planView(report.plan, interview.at, interview.marginDays, report.pace, report.dropSectionLabels ?? []),
      ...readinessView(overall, weakest, interview.at),
    );
  }

  /** Asks the review app to store the change, then redraws from the changed settings. */
  #change(update: (settings: ReviewSettings) => ReviewSettings): void {
    if (!this.#settings) return;
    const next = update(this.#settings);
    emit(this, 'plan-settings-change', { update });
    void this.#refresh({ settings: next });
  }

  readonly #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const data = new FormData(this.#form);
    const text = (name: string) => String(data.get(name) ?? '');
    this.#error.textContent = '';
    this.#status.textContent = '';
    const interviewForm = { date: text('date'), time: text('time'), minutes: text('minutes'), margin: text('margin') };
    void this.#refresh({ ...(this.#settings ? { settings: this.#settings } : {}), interviewForm });
  };

  readonly #onClear = (): void => {
    this.#error.textContent = '';
    this.#status.textContent = '';
    this.#change(({ interview: _cleared, ...settings }) => settings);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'interview-plan': InterviewPlan;
  }
  interface HTMLElementEventMap {
    /** The plan changed the interview date or the FSRS parameters; the review app stores `update(settings)`. */
    'plan-settings-change': CustomEvent<{ update: (settings: ReviewSettings) => ReviewSettings }>;
  }
}

customElements.define('interview-plan', InterviewPlan);
