import { requiredElement } from '../../lib/dom.ts';
import { assessDrill, type SelfAssessment } from '../../lib/drill/assessment.ts';
import {
  anchorClock,
  drillInstant,
  latestInstant,
  phaseBudgetsMs,
  readClock,
  type ClockAnchor,
  type DrillFormat,
} from '../../lib/drill/clock.ts';
import type { DrillData, DrillPrompt } from '../../lib/drill/drill-data.ts';
import { hintsForPhase, loadPromptQuestions, questionsToCover, type DrillQuestion } from '../../lib/drill/hints.ts';
import type { ActiveDrill } from '../../lib/drill/schema.ts';
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
import { newEntryId } from '../../lib/review-log/entry-id.ts';
import { withBase } from '../../lib/urls.ts';
import { runtimeFileUrl } from '../../lib/app-files.ts';
// The stages upgrade before the app, so it can drive them.
import './drill-assess.ts';
import './drill-history.ts';
import './drill-phase.ts';
import './drill-results.ts';
import './drill-setup.ts';

const STORAGE_PROBLEM = 'This browser cannot save the drill, so a reload will lose it. Everything else works.';
const CHANGED_ELSEWHERE = 'This drill changed in another tab; showing its current state.';

type Stage = 'setup' | 'run' | 'assess' | 'results';

const required = <K extends keyof HTMLElementTagNameMap>(root: ParentNode, tag: K): HTMLElementTagNameMap[K] =>
  requiredElement<HTMLElementTagNameMap[K]>(root, tag, 'drill-app');

/**
 * <drill-app>: keeps the running drill (saved on every change, so a reload
 * resumes it), shows one stage at a time and answers the stages' events.
 * Saves are compare-and-set against the revision this tab last saw, so a stale
 * tab follows the other one instead of overwriting it; the drill's clock is
 * monotonic within the page, so a wall clock set back changes nothing.
 */
class DrillApp extends HTMLElement {
  #data: DrillData = { phases: [], prompts: [], archetypes: [] };
  #drill: ActiveDrill | null = null;
  #prompt: DrillPrompt | null = null;
  /** The prompt page's own questions, fetched once per drill. */
  #questions: Promise<DrillQuestion[]> | null = null;
  /** The stored drill this tab's next save is based on: saves over anything newer are refused. */
  #base: DrillVersion = null;
  #anchor: ClockAnchor = anchorClock(Date.now(), performance.now());
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
    window.addEventListener('storage', this.#onStorage);
    this.#resume();
  }

  disconnectedCallback(): void {
    window.removeEventListener('storage', this.#onStorage);
  }

  /** The drill's clock: monotonic within the page, so a wall clock set back mid-drill changes nothing. */
  readonly #now = (): number => drillInstant(this.#anchor, performance.now());

  /** Starts the page's clock at the wall clock, but never before what the drill has already recorded. */
  #reanchor(drill: ActiveDrill): void {
    this.#anchor = anchorClock(Date.now(), performance.now(), Math.max(latestInstant(drill), this.#now()));
  }

  /** Another tab saved the drill: follow it. */
  readonly #onStorage = (event: StorageEvent): void => {
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
    this.#warning.textContent = CHANGED_ELSEWHERE;
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

  /** Saves the drill unless another tab saved a newer one since; then shows that one instead (and returns false). */
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
    this.#warning.textContent = outcome.kind === 'saved' ? '' : STORAGE_PROBLEM;
    return true;
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
      startedAt: this.#now(),
      phaseEndedAt: [],
      notes: phases.map(() => ''),
      hintsShown: phases.map(() => 0),
    };
    if (this.#persist()) this.#enterPhase(true);
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
    const reading = readClock(phaseBudgetsMs(drill.format, this.#data.phases), drill, this.#now());
    if (reading.finished) {
      this.#show('assess');
      if (moveFocus) this.#stages.assess.focusTitle();
      return;
    }
    this.#show('run');
    this.#stages.run.show(drill, prompt, this.#data.phases, this.#now);
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
    drill.phaseEndedAt.push(Math.max(this.#now(), drill.phaseEndedAt.at(-1) ?? drill.startedAt));
    // Refused when another tab changed the drill: its state is on screen now, this change is dropped.
    if (this.#persist()) this.#enterPhase(true);
  }

  #abandon(): void {
    this.#drill = null;
    this.#persist();
    this.#show('setup');
    this.#stages.setup.focusPrompt();
  }

  #promptQuestions(): Promise<DrillQuestion[]> {
    this.#questions ??= loadPromptQuestions(
      this.dataset['questionsUrl'] ?? runtimeFileUrl('questions'),
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
    if (!this.#persist()) return;
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
