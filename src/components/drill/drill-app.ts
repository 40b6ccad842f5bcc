import { requiredElement } from '../../lib/dom.ts';
import { assessDrill, type SelfAssessment } from '../../lib/drill/assessment.ts';
import { phaseBudgetsMs, readClock, type DrillFormat } from '../../lib/drill/clock.ts';
import type { DrillData, DrillPrompt } from '../../lib/drill/drill-data.ts';
import { hintsForPhase, loadPromptQuestions, questionsToCover, type DrillQuestion } from '../../lib/drill/hints.ts';
import type { ActiveDrill } from '../../lib/drill/schema.ts';
import {
  loadActiveDrill,
  loadDrillHistory,
  mergeDrillHistory,
  saveActiveDrill,
  saveDrillHistory,
} from '../../lib/drill/storage.ts';
import { newEntryId } from '../../lib/progress/entry-id.ts';
import { withBase } from '../../lib/urls.ts';
// The stages upgrade before the app, so it can drive them.
import './drill-assess.ts';
import './drill-history.ts';
import './drill-phase.ts';
import './drill-results.ts';
import './drill-setup.ts';

const STORAGE_PROBLEM = 'This browser cannot save the drill, so a reload will lose it. Everything else works.';

type Stage = 'setup' | 'run' | 'assess' | 'results';

const required = <K extends keyof HTMLElementTagNameMap>(root: ParentNode, tag: K): HTMLElementTagNameMap[K] =>
  requiredElement<HTMLElementTagNameMap[K]>(root, tag, 'drill-app');

/**
 * <drill-app>: keeps the running drill (saved on every change, so a reload
 * resumes it), shows one stage at a time and answers the stages' events.
 */
class DrillApp extends HTMLElement {
  #data: DrillData = { phases: [], prompts: [], archetypes: [] };
  #drill: ActiveDrill | null = null;
  #prompt: DrillPrompt | null = null;
  /** The prompt page's own questions, fetched once per drill. */
  #questions: Promise<DrillQuestion[]> | null = null;
  readonly #warning = requiredElement<HTMLElement>(this, '[data-storage-warning]', 'drill-app');
  readonly #stages = {
    setup: required(this, 'drill-setup'),
    run: required(this, 'drill-phase'),
    assess: required(this, 'drill-assess'),
    results: required(this, 'drill-results'),
  };
  readonly #history = required(this, 'drill-history');

  connectedCallback(): void {
    this.#data = JSON.parse(this.dataset['drill'] ?? '{}') as DrillData;
    this.addEventListener('drill-start', (event) => this.#start(event.detail.promptId, event.detail.format));
    this.addEventListener('drill-notes-change', (event) => this.#saveNotes(event.detail.phase, event.detail.notes));
    this.addEventListener('drill-hint-request', (event) => void this.#revealHint(event.detail.phase));
    this.addEventListener('drill-phase-end', (event) => this.#endPhase(event.detail.phase, event.detail.notes));
    this.addEventListener('drill-abandon', () => this.#abandon());
    this.addEventListener('drill-assessed', (event) => void this.#finish(event.detail));
    this.addEventListener('drill-again', () => this.#show('setup'));
    this.#resume();
  }

  #resume(): void {
    const drill = loadActiveDrill();
    const prompt = drill && this.#data.prompts.find((p) => p.id === drill.promptId);
    if (!drill || !prompt) {
      this.#show('setup');
      return;
    }
    this.#drill = drill;
    this.#prompt = prompt;
    this.#enterPhase(false);
  }

  #persist(): void {
    this.#warning.textContent = saveActiveDrill(this.#drill) ? '' : STORAGE_PROBLEM;
  }

  #start(promptId: string | null, format: DrillFormat): void {
    const { prompts, phases } = this.#data;
    const prompt = prompts.find((p) => p.id === promptId) ?? prompts[Math.floor(Math.random() * prompts.length)];
    if (!prompt) return;
    this.#prompt = prompt;
    this.#questions = null;
    this.#drill = {
      id: newEntryId(),
      promptId: prompt.id,
      format,
      startedAt: Date.now(),
      phaseEndedAt: [],
      notes: phases.map(() => ''),
      hintsShown: phases.map(() => 0),
    };
    this.#persist();
    this.#enterPhase(true);
  }

  #show(stage: Stage): void {
    for (const [name, element] of Object.entries(this.#stages)) {
      requiredElement<HTMLElement>(element, '[data-stage]', element.localName).hidden = name !== stage;
    }
    this.#history.render(loadDrillHistory(), stage === 'setup');
    if (stage !== 'run') this.#stages.run.stop();
  }

  /** Shows the drill's current phase, or the assessment once all phases are done. */
  #enterPhase(moveFocus: boolean): void {
    const drill = this.#drill;
    const prompt = this.#prompt;
    if (!drill || !prompt) return;
    const reading = readClock(phaseBudgetsMs(drill.format, this.#data.phases), drill, Date.now());
    if (reading.finished) {
      this.#show('assess');
      if (moveFocus) this.#stages.assess.focusTitle();
      return;
    }
    this.#show('run');
    this.#stages.run.show(drill, prompt, this.#data.phases);
    void this.#renderHints(reading.phase);
    if (moveFocus) this.#stages.run.focusTitle();
  }

  #saveNotes(phase: number, notes: string): void {
    if (!this.#drill) return;
    this.#drill.notes[phase] = notes;
    this.#persist();
  }

  #endPhase(phase: number, notes: string): void {
    const drill = this.#drill;
    if (!drill) return;
    drill.notes[phase] = notes;
    drill.phaseEndedAt.push(Math.max(Date.now(), drill.phaseEndedAt.at(-1) ?? drill.startedAt));
    this.#persist();
    this.#enterPhase(true);
  }

  #abandon(): void {
    this.#drill = null;
    this.#persist();
    this.#show('setup');
    this.#stages.setup.focusPrompt();
  }

  #promptQuestions(): Promise<DrillQuestion[]> {
    this.#questions ??= loadPromptQuestions(
      this.dataset['questionsUrl'] ?? withBase('/questions.json'),
      this.#prompt?.url ?? '',
    );
    return this.#questions;
  }

  async #renderHints(phase: number): Promise<void> {
    const drill = this.#drill;
    const prompt = this.#prompt;
    if (!drill || !prompt) return;
    const hints = hintsForPhase(await this.#promptQuestions(), prompt, this.#data.phases, phase);
    this.#stages.run.showHints(
      hints.map((hint) => hint.text),
      drill.hintsShown[phase] ?? 0,
    );
  }

  async #revealHint(phase: number): Promise<void> {
    const drill = this.#drill;
    if (!drill) return;
    drill.hintsShown[phase] = (drill.hintsShown[phase] ?? 0) + 1;
    this.#persist();
    await this.#renderHints(phase);
    this.#stages.run.announceLatestHint();
  }

  async #finish(assessment: SelfAssessment): Promise<void> {
    const drill = this.#drill;
    const prompt = this.#prompt;
    if (!drill || !prompt) return;
    const questions = questionsToCover(await this.#promptQuestions(), this.#data.phases);
    const outcome = assessDrill(drill, prompt, this.#data, assessment, questions);
    const saved = saveDrillHistory(mergeDrillHistory(loadDrillHistory(), [outcome.record]));
    this.#drill = null;
    this.#persist();
    if (!saved) this.#warning.textContent = STORAGE_PROBLEM;
    this.#stages.results.show(outcome, this.dataset['reviewUrl'] ?? withBase('/review/'));
    this.#show('results');
    this.#stages.results.focusTitle();
  }
}

customElements.define('drill-app', DrillApp);
