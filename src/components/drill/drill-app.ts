import {
  anchorClock,
  drillInstant,
  formatClock,
  latestInstant,
  phaseBudgetsMs,
  phaseDurations,
  readClock,
  type ClockAnchor,
  type DrillFormat,
} from '../../lib/drill/clock.ts';
import { checkCoverage } from '../../lib/drill/coverage.ts';
import type { DrillData, DrillPrompt } from '../../lib/drill/drill-data.ts';
import { phaseOfConcept } from '../../lib/drill/phase-sections.ts';
import type { ActiveDrill, DrillRecord } from '../../lib/drill/schema.ts';
import {
  ACTIVE_KEY,
  loadActiveDrill,
  loadDrillHistory,
  mergeDrillHistory,
  saveActiveDrillIfCurrent,
  saveDrillHistory,
  versionOf,
  type DrillVersion,
} from '../../lib/drill/storage.ts';
import { focusedReviewHref, weakConcepts } from '../../lib/drill/weak-spots.ts';
import { newEntryId } from '../../lib/progress/entry-id.ts';
import { withBase } from '../../lib/urls.ts';
import { requiredElement } from '../../lib/dom.ts';

/** A hint or key question: its text and the concept it was written under. */
interface DrillQuestion {
  text: string;
  concept: string;
}

const RUBRIC = [
  'Did you find why the problem exists?',
  'Did you define success and its stakeholders?',
  'Did you pin the three constraints (latency, scale, data and labels)?',
  'Did you justify each design choice?',
  'Did you close with monitoring, failure modes and next steps?',
];
const SCORE_LABELS = ['Missed it', 'Weak', 'Solid', 'Nailed it'];
const STORAGE_PROBLEM = 'This browser cannot save the drill, so a reload will lose it. Everything else works.';
const CHANGED_ELSEWHERE = 'This drill changed in another tab; showing its current state.';

const required = <T extends Element>(root: ParentNode, selector: string): T =>
  requiredElement<T>(root, selector, 'drill-app');

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  if (className) el.className = className;
  return el;
}

class DrillApp extends HTMLElement {
  #data!: DrillData;
  #drill: ActiveDrill | null = null;
  #prompt: DrillPrompt | null = null;
  #questions: DrillQuestion[] | null = null;
  #ticker = 0;
  #announcedOverrun = -1;
  /** The stored drill this tab's next save is based on: saves over anything newer are refused. */
  #base: DrillVersion = null;
  #anchor: ClockAnchor = anchorClock(Date.now(), performance.now());

  #el = {
    warning: required<HTMLElement>(this, '[data-storage-warning]'),
    setupForm: required<HTMLFormElement>(this, '[data-setup-form]'),
    promptSelect: required<HTMLSelectElement>(this, '[data-prompt-select]'),
    promptText: required<HTMLElement>(this, '[data-prompt-text]'),
    steps: required<HTMLOListElement>(this, '[data-steps]'),
    phaseTitle: required<HTMLElement>(this, '[data-phase-title]'),
    timer: required<HTMLElement>(this, '[data-timer]'),
    purpose: required<HTMLElement>(this, '[data-phase-purpose]'),
    overrun: required<HTMLElement>(this, '[data-overrun]'),
    notes: required<HTMLTextAreaElement>(this, '[data-notes]'),
    hint: required<HTMLButtonElement>(this, '[data-hint]'),
    hintList: required<HTMLUListElement>(this, '[data-hint-list]'),
    next: required<HTMLButtonElement>(this, '[data-next]'),
    abandon: required<HTMLButtonElement>(this, '[data-abandon]'),
    live: required<HTMLElement>(this, '[data-live]'),
    assessForm: required<HTMLFormElement>(this, '[data-assess-form]'),
    rubric: required<HTMLElement>(this, '[data-rubric]'),
    coverageSummary: required<HTMLElement>(this, '[data-coverage-summary]'),
    coverage: required<HTMLUListElement>(this, '[data-coverage]'),
    weak: required<HTMLElement>(this, '[data-weak]'),
    again: required<HTMLButtonElement>(this, '[data-again]'),
    history: required<HTMLElement>(this, '[data-history]'),
    historyHead: required<HTMLElement>(this, '[data-history-head]'),
    historyBody: required<HTMLElement>(this, '[data-history-body]'),
  };

  connectedCallback(): void {
    this.#data = JSON.parse(this.dataset['drill'] ?? '{}') as DrillData;
    for (const control of this.querySelectorAll<HTMLInputElement | HTMLButtonElement | HTMLSelectElement>('[disabled]'))
      control.disabled = false;
    this.#buildRubric();
    this.#el.setupForm.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#start();
    });
    this.#el.notes.addEventListener('input', () => this.#saveNotes());
    this.#el.hint.addEventListener('click', () => void this.#revealHint());
    this.#el.next.addEventListener('click', () => this.#nextPhase());
    this.#el.abandon.addEventListener('click', () => this.#abandon());
    this.#el.assessForm.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#finish();
    });
    this.#el.again.addEventListener('click', () => this.#show('setup'));
    this.#renderHistory();
    window.addEventListener('storage', this.#onStorage);
    this.#resume();
  }

  disconnectedCallback(): void {
    clearInterval(this.#ticker);
    window.removeEventListener('storage', this.#onStorage);
  }

  /** The drill's clock: monotonic within the page, so a wall clock set back mid-drill changes nothing. */
  #now(): number {
    return drillInstant(this.#anchor, performance.now());
  }

  /** Starts the page's clock at the wall clock, but never before what the drill has already recorded. */
  #reanchor(drill: ActiveDrill): void {
    this.#anchor = anchorClock(Date.now(), performance.now(), Math.max(latestInstant(drill), this.#now()));
  }

  /** Another tab saved the drill: follow it. */
  #onStorage = (event: StorageEvent): void => {
    if (event.key !== ACTIVE_KEY && event.key !== null) return;
    const current = loadActiveDrill();
    const known = this.#base;
    const changed = versionOf(current);
    if (known === null ? changed === null : changed?.id === known.id && changed.revision === known.revision) return;
    this.#adopt(current);
  };

  /** Shows the drill storage holds now, after another tab changed it. */
  #adopt(current: ActiveDrill | null): void {
    this.#drill = current;
    this.#base = versionOf(current);
    this.#el.warning.textContent = CHANGED_ELSEWHERE;
    const prompt = current && this.#data.prompts.find((p) => p.id === current.promptId);
    if (!current || !prompt) {
      this.#prompt = null;
      this.#show('setup');
      return;
    }
    if (prompt !== this.#prompt) this.#questions = null;
    this.#prompt = prompt;
    this.#reanchor(current);
    this.#enterPhase(false);
  }

  #resume(): void {
    const drill = loadActiveDrill();
    const prompt = drill && this.#data.prompts.find((p) => p.id === drill.promptId);
    if (!drill || !prompt) {
      this.#show('setup');
      return;
    }
    this.#drill = drill;
    this.#base = versionOf(drill);
    this.#prompt = prompt;
    this.#reanchor(drill);
    this.#enterPhase(false);
  }

  /** Saves the drill unless another tab saved a newer one since; then shows that one instead. */
  #persist(): boolean {
    const outcome = saveActiveDrillIfCurrent(this.#drill, this.#base);
    if (outcome.kind === 'stale') {
      this.#adopt(outcome.current);
      return false;
    }
    if (outcome.kind === 'saved') {
      this.#drill = outcome.drill;
      this.#base = versionOf(outcome.drill);
    }
    this.#el.warning.textContent = outcome.kind === 'saved' ? '' : STORAGE_PROBLEM;
    return true;
  }

  #start(): void {
    const form = new FormData(this.#el.setupForm);
    const chosen = String(form.get('prompt') ?? '');
    const prompts = this.#data.prompts;
    const prompt = prompts.find((p) => p.id === chosen) ?? prompts[Math.floor(Math.random() * prompts.length)];
    if (!prompt) return;
    const format: DrillFormat = form.get('format') === '60' ? 60 : 45;
    const phaseCount = this.#data.phases.length;
    this.#prompt = prompt;
    this.#questions = null;
    this.#drill = {
      id: newEntryId(),
      promptId: prompt.id,
      format,
      startedAt: this.#now(),
      phaseEndedAt: [],
      notes: Array.from({ length: phaseCount }, () => ''),
      hintsShown: Array.from({ length: phaseCount }, () => 0),
    };
    this.#persist();
    this.#enterPhase(true);
  }

  #show(stage: 'setup' | 'run' | 'assess' | 'results'): void {
    for (const section of this.querySelectorAll<HTMLElement>('[data-stage]'))
      section.hidden = section.dataset['stage'] !== stage;
    this.#el.history.hidden = stage !== 'setup' || loadDrillHistory().length === 0;
    if (stage !== 'run') clearInterval(this.#ticker);
  }

  #budgets(): number[] {
    return phaseBudgetsMs(this.#drill?.format ?? 45, this.#data.phases);
  }

  /** Shows the drill's current phase (or the assessment once all phases are done). */
  #enterPhase(moveFocus: boolean): void {
    const drill = this.#drill;
    const prompt = this.#prompt;
    if (!drill || !prompt) return;
    const reading = readClock(this.#budgets(), drill, this.#now());
    if (reading.finished) {
      this.#show('assess');
      if (moveFocus) required<HTMLElement>(this, '#drill-assess-title').focus();
      return;
    }
    const phase = this.#data.phases[reading.phase];
    if (!phase) return;
    this.#show('run');
    this.#el.promptText.textContent = prompt.prompt;
    this.#el.steps.replaceChildren(
      ...this.#data.phases.map((p, i) => {
        const minutes = drill.format === 45 ? p.minutes45 : p.minutes60;
        const li = element('li', `${i + 1}. ${p.name} (${minutes} min)`);
        if (i === reading.phase) li.setAttribute('aria-current', 'step');
        return li;
      }),
    );
    this.#el.phaseTitle.textContent = `Phase ${reading.phase + 1} of ${this.#data.phases.length}: ${phase.name}`;
    this.#el.purpose.textContent = phase.purpose;
    this.#el.notes.value = drill.notes[reading.phase] ?? '';
    this.#el.next.textContent = reading.phase === this.#data.phases.length - 1 ? 'Finish the interview' : 'Next phase';
    this.#el.overrun.hidden = true;
    this.#announcedOverrun = -1;
    void this.#renderHints();
    this.#tick();
    clearInterval(this.#ticker);
    this.#ticker = window.setInterval(() => this.#tick(), 1000);
    if (moveFocus) this.#el.phaseTitle.focus();
  }

  #tick(): void {
    const drill = this.#drill;
    if (!drill) return;
    const reading = readClock(this.#budgets(), drill, this.#now());
    if (reading.finished) return;
    const phase = this.#data.phases[reading.phase];
    const minutes = drill.format === 45 ? phase?.minutes45 : phase?.minutes60;
    this.#el.timer.textContent = reading.overrun
      ? `${formatClock(-reading.remaining)} over`
      : `${formatClock(reading.remaining)} left`;
    this.#el.timer.classList.toggle('is-overrun', reading.overrun);
    if (reading.overrun && this.#announcedOverrun !== reading.phase) {
      this.#announcedOverrun = reading.phase;
      const message = `This phase is over its ${minutes ?? ''}-minute budget. Wrap up your point and move on when you can.`;
      this.#el.overrun.textContent = message;
      this.#el.overrun.hidden = false;
      this.#el.live.textContent = message;
    }
  }

  /** False when another tab had changed the drill: its state is on screen now, this change is dropped. */
  #saveNotes(): boolean {
    const drill = this.#drill;
    if (!drill) return false;
    const { phase } = readClock(this.#budgets(), drill, this.#now());
    drill.notes[phase] = this.#el.notes.value;
    return this.#persist();
  }

  #nextPhase(): void {
    if (!this.#saveNotes()) return;
    // Saving replaced the drill with its new revision.
    const drill = this.#drill;
    if (!drill) return;
    drill.phaseEndedAt.push(Math.max(this.#now(), drill.phaseEndedAt.at(-1) ?? drill.startedAt));
    if (!this.#persist()) return;
    this.#el.live.textContent = '';
    this.#enterPhase(true);
  }

  #abandon(): void {
    this.#drill = null;
    this.#persist();
    this.#show('setup');
    this.#el.promptSelect.focus();
  }

  /** The prompt page's own questions (from /questions.json), with the phase each belongs to. */
  async #loadQuestions(): Promise<DrillQuestion[]> {
    if (this.#questions) return this.#questions;
    try {
      const response = await fetch(this.dataset['questionsUrl'] ?? withBase('/questions.json'));
      const index = (await response.json()) as { entries?: { kind: string; text: string; concept: string }[] };
      const url = this.#prompt?.url ?? '';
      this.#questions = (index.entries ?? [])
        .filter((e) => e.kind === 'question' && e.concept.startsWith(`${url}#`))
        .map((e) => ({ text: e.text, concept: e.concept }));
    } catch {
      // Offline before the file was ever cached: the phases' key questions still work.
      this.#questions = [];
    }
    return this.#questions;
  }

  /** Hints for a phase: the prompt's own questions first, then the phase's key questions. */
  async #hintsFor(phase: number): Promise<DrillQuestion[]> {
    const prompt = this.#prompt;
    const info = this.#data.phases[phase];
    if (!prompt || !info) return [];
    const own = (await this.#loadQuestions()).filter(
      (q) => phaseOfConcept(q.concept, prompt.url, prompt.sections) === phase,
    );
    return [...own, ...info.keyQuestions.map((text) => ({ text, concept: info.url }))];
  }

  async #renderHints(): Promise<void> {
    const drill = this.#drill;
    if (!drill) return;
    const { phase } = readClock(this.#budgets(), drill, this.#now());
    const hints = await this.#hintsFor(phase);
    const shown = Math.min(drill.hintsShown[phase] ?? 0, hints.length);
    this.#el.hintList.replaceChildren(...hints.slice(0, shown).map((h) => element('li', h.text)));
    this.#el.hint.disabled = shown >= hints.length;
    this.#el.hint.textContent = shown >= hints.length ? 'No more hints for this phase' : 'Show a hint question';
  }

  async #revealHint(): Promise<void> {
    const drill = this.#drill;
    if (!drill) return;
    const { phase } = readClock(this.#budgets(), drill, this.#now());
    drill.hintsShown[phase] = (drill.hintsShown[phase] ?? 0) + 1;
    this.#persist();
    await this.#renderHints();
    this.#el.live.textContent = this.#el.hintList.lastElementChild?.textContent ?? '';
  }

  #buildRubric(): void {
    this.#el.rubric.replaceChildren(
      ...RUBRIC.map((question, i) => {
        const fieldset = element('fieldset');
        const phase = this.#data.phases[i];
        fieldset.append(element('legend', `${i + 1}. ${phase?.name ?? ''}: ${question}`));
        SCORE_LABELS.forEach((label, s) => {
          const wrap = element('label');
          const input = element('input');
          input.type = 'radio';
          input.name = `score-${i}`;
          input.value = String(s + 1);
          input.required = true;
          wrap.append(input, ` ${s + 1} ${label}`);
          fieldset.append(wrap);
        });
        return fieldset;
      }),
    );
  }

  async #finish(): Promise<void> {
    const drill = this.#drill;
    const prompt = this.#prompt;
    if (!drill || !prompt) return;
    const form = new FormData(this.#el.assessForm);
    const scores = this.#data.phases.map((_, i) => Number(form.get(`score-${i}`)));
    const archetypeIds = form.getAll('archetype').map(String);
    const notes = drill.notes.join('\n');
    let questions = await this.#loadQuestions();
    if (questions.length === 0)
      questions = this.#data.phases.flatMap((p) => p.keyQuestions.map((text) => ({ text, concept: p.url })));
    const coverage = checkCoverage(notes, questions);
    const missed = coverage.filter((c) => !c.covered);
    const record: DrillRecord = {
      id: drill.id,
      promptId: prompt.id,
      promptTitle: prompt.title,
      format: drill.format,
      startedAt: drill.startedAt,
      phaseMs: phaseDurations(drill),
      scores,
      archetypes: archetypeIds,
      questionsCovered: coverage.length - missed.length,
      questionCount: coverage.length,
    };
    const saved = saveDrillHistory(mergeDrillHistory(loadDrillHistory(), [record]));
    this.#drill = null;
    this.#persist();
    if (!saved) this.#el.warning.textContent = STORAGE_PROBLEM;

    this.#el.coverageSummary.textContent = `Your notes covered ${record.questionsCovered} of ${record.questionCount} key questions for “${prompt.title}”.`;
    this.#el.coverage.replaceChildren(
      ...coverage.map(({ question, covered }) => {
        const li = element('li', undefined, covered ? 'is-covered' : 'is-missed');
        li.append(element('span', covered ? 'Covered: ' : 'Missed: ', 'visually-hidden'), question.text);
        if (!covered) {
          const link = element('a', 'Read about it');
          link.href = withBase(question.concept);
          li.append(' ', link);
        }
        return li;
      }),
    );
    const concepts = weakConcepts({
      scores,
      phaseUrls: this.#data.phases.map((p) => p.url),
      promptUrl: prompt.url,
      promptSections: prompt.sections,
      archetypeUrls: this.#data.archetypes.filter((a) => archetypeIds.includes(a.id)).map((a) => a.url),
      missedConcepts: missed.map((m) => m.question.concept),
    });
    this.#renderWeakSpots(concepts);
    this.#renderHistory();
    this.#show('results');
    required<HTMLElement>(this, '#drill-results-title').focus();
  }

  #renderWeakSpots(concepts: string[]): void {
    if (concepts.length === 0) {
      this.#el.weak.replaceChildren(
        element('p', 'No weak spots this time. Try a harder prompt, or the 45-minute format.'),
      );
      return;
    }
    const link = element('a', 'Review these weak spots now', 'button button-primary');
    link.href = focusedReviewHref(this.dataset['reviewUrl'] ?? withBase('/review/'), concepts);
    link.dataset['focusedReview'] = '';
    this.#el.weak.replaceChildren(
      element('h3', 'Weak spots'),
      element(
        'p',
        `A focused review of the cards on ${concepts.length} weak concept${concepts.length === 1 ? '' : 's'}, in cram mode: your spaced-repetition schedule is not changed.`,
      ),
      link,
    );
  }

  #renderHistory(): void {
    const history = loadDrillHistory();
    const phases = this.#data.phases;
    const head = element('tr');
    head.append(element('th', 'Date'), element('th', 'Prompt'), element('th', 'Format'));
    for (const [i, p] of phases.entries()) {
      const th = element('th', `P${i + 1}`);
      th.title = p.name;
      th.setAttribute('abbr', p.name);
      head.append(th);
    }
    head.append(element('th', 'Questions'));
    this.#el.historyHead.replaceChildren(head);
    this.#el.historyBody.replaceChildren(
      ...history
        .slice()
        .reverse()
        .map((r) => {
          const row = element('tr');
          row.append(
            element('td', new Date(r.startedAt).toLocaleDateString()),
            element('td', r.promptTitle),
            element('td', `${r.format} min`),
            ...phases.map((_, i) => element('td', String(r.scores[i] ?? '–'))),
            element('td', `${r.questionsCovered}/${r.questionCount}`),
          );
          return row;
        }),
    );
    this.#el.history.hidden =
      history.length === 0 || this.querySelector('[data-stage="setup"]')?.hasAttribute('hidden') === true;
  }
}

customElements.define('drill-app', DrillApp);
