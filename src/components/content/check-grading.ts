import { requiredElement } from '../../lib/dom.ts';
import type { ReviewEntry } from '../../lib/review-log/schema.ts';
import { NOT_SAVED_WORDS } from '../../lib/reading/grade-wording.ts';
import { gradingWorker } from '../../lib/reading/grading-client.ts';
import type { PromptCard } from '../../lib/reading/reading-grader.ts';
import { RetryPlan, type PageItem, type SectionEnd } from '../../lib/reading/retry.ts';
import type { Grade } from '../../lib/srs/scheduler.ts';
import { whenIdle } from '../../lib/when-idle.ts';
import { PromptHolds } from './check-holds.ts';

/**
 * Grading for `<check-card>`, loaded on the first reveal of any prompt on the
 * page: the DOM side (one retry plan per page, one `PromptGrading` per prompt);
 * storage and scheduling run in the grading worker.
 */

const GRADE_WORDS: Record<Grade, string> = { 1: 'Forgot', 2: 'Hard', 3: 'Remembered', 4: 'Easy' };
const RETRY_SUFFIX = '-again';

let retries: RetryPlan | null = null;
let replaySaved = true;

/** The page's H2 boundaries and prompts, in order: where forgotten prompts come back. */
function retryPlan(): RetryPlan {
  if (retries) return retries;
  const items: PageItem[] = [];
  for (const el of document.querySelectorAll<HTMLElement>('main h2[id], main check-card:not([data-retry])')) {
    items.push(el.localName === 'h2' ? { kind: 'section', id: el.id } : { kind: 'prompt', key: el.id });
  }
  return (retries = new RetryPlan(items));
}

function promptCards(block: HTMLElement): PromptCard[] {
  return (block.dataset['cards'] ?? '')
    .split(',')
    .filter(Boolean)
    .map((pair) => {
      const [id = '', hash = ''] = pair.split(' ');
      return { id, hash };
    });
}

/** A copy of a forgotten prompt, unanswered, placed at the end of its section (before the next H2). */
function placeRetry(block: HTMLElement, end: SectionEnd): HTMLElement {
  const copy = block.cloneNode(true) as HTMLElement;
  copy.id = `${block.id}${RETRY_SUFFIX}`;
  copy.dataset['retry'] = '';
  copy.setAttribute('aria-label', `Once more: ${block.getAttribute('aria-label') ?? ''}`);
  requiredElement(copy, '[data-check-label]', 'check-card').textContent = 'Once more: you forgot this one above';
  requiredElement<HTMLDetailsElement>(copy, 'details', 'check-card').open = false;
  for (const part of copy.querySelectorAll<HTMLElement>(
    '[data-grade-panel], [data-grade-done], [data-more-grades], [data-hold-done]',
  ))
    part.hidden = true;
  for (const status of copy.querySelectorAll('[data-grade-status], [data-hold-status]')) status.textContent = '';
  // Before the next H2, or at the end of the page's text (before "N interview questions lead here").
  const article = block.closest('article') ?? block.parentElement;
  const before =
    (end === null ? null : document.getElementById(end)) ?? article?.querySelector(':scope > .leads-here') ?? null;
  if (before) before.before(copy);
  else article?.append(copy);
  return copy;
}

class PromptGrading {
  readonly #block: HTMLElement;
  readonly #panel: HTMLElement;
  readonly #done: HTMLElement;
  readonly #status: HTMLElement;
  readonly #moreGrades: HTMLElement;
  readonly #more: HTMLButtonElement;
  readonly #summary: HTMLElement;
  readonly #holds: PromptHolds;
  #shown: Promise<{ token: number }> | null = null;
  #graded: ReviewEntry[] = [];
  #retry: HTMLElement | null = null;
  #busy = false;

  constructor(block: HTMLElement) {
    const part = <T extends HTMLElement>(selector: string) => requiredElement<T>(block, selector, 'check-card');
    this.#block = block;
    this.#panel = part('[data-grade-panel]');
    this.#done = part('[data-grade-done]');
    this.#status = part('[data-grade-status]');
    this.#moreGrades = part('[data-more-grades]');
    this.#more = part<HTMLButtonElement>('[data-more]');
    this.#summary = part('summary');
    this.#holds = new PromptHolds(block, promptCards(block), this.#panel, this.#summary);
    for (const button of block.querySelectorAll<HTMLButtonElement>('[data-grade]'))
      button.addEventListener('click', () => void this.grade(Number(button.dataset['grade']) as Grade));
    this.#more.addEventListener('click', () => this.#showMore(this.#more.getAttribute('aria-expanded') !== 'true'));
    part('[data-undo]').addEventListener('click', () => void this.#undo());
    block.addEventListener('keydown', this.#onKey);
  }

  /** The answer is showing: offer the grades (once; a graded prompt shows its grade and Undo). */
  revealed(): void {
    if (this.#graded.length > 0 || promptCards(this.#block).length === 0) return;
    this.#shown ??= this.#show();
    if (!this.#holds.active) this.#panel.hidden = false;
  }

  async grade(grade: Grade): Promise<void> {
    if (this.#busy || this.#panel.hidden) return;
    this.#busy = true;
    const hadFocus = this.#block.contains(document.activeElement);
    try {
      const { token } = await (this.#shown ?? Promise.reject(new Error('not revealed')));
      const result = await gradingWorker().call('grade', { token, grade, now: Date.now() });
      this.#graded = result.entries;
      this.#panel.hidden = true;
      this.#done.hidden = false;
      if (result.outcome === 'already-rated') {
        this.#status.textContent = 'Already answered in another tab.';
      } else {
        const next = result.saved ? `next review ${result.next}.` : NOT_SAVED_WORDS;
        const back = retryPlan().graded(this.#key(), grade, this.#block.dataset['retry'] !== undefined);
        if (back) this.#retry = placeRetry(this.#block, back.end);
        this.#status.textContent = `${GRADE_WORDS[grade]}: ${next}${back ? ' It comes back once more at the end of this section.' : ''}`;
        saveReplayWhenIdle();
      }
    } catch {
      this.#status.textContent = 'Your answer could not be saved. Try again, or review it in /review/.';
      this.#done.hidden = false;
    } finally {
      this.#busy = false;
      if (hadFocus) this.#summary.focus();
    }
  }

  async #show(): Promise<{ token: number }> {
    const shown = await gradingWorker().call('show', { cards: promptCards(this.#block), now: Date.now() });
    if (shown.suspended) this.#holds.showSuspended();
    return shown;
  }

  #key(): string {
    return this.#block.id.endsWith(RETRY_SUFFIX) ? this.#block.id.slice(0, -RETRY_SUFFIX.length) : this.#block.id;
  }

  #showMore(show: boolean): void {
    this.#moreGrades.hidden = !show;
    this.#more.setAttribute('aria-expanded', String(show));
  }

  /** The entries Undo takes back: this prompt's grade. */
  get graded(): readonly ReviewEntry[] {
    return this.#graded;
  }

  async #undo(): Promise<void> {
    if (this.#busy) return;
    // The "Once more" copy goes with the grade that placed it: its own grade is taken back too.
    const copy = this.#retry ? gradings.get(this.#retry) : undefined;
    const entries = [...this.#graded, ...(copy?.graded ?? [])];
    if (entries.length === 0) {
      this.#done.hidden = true;
      this.#panel.hidden = false;
      return;
    }
    this.#busy = true;
    let saved: boolean;
    try {
      ({ saved } = await gradingWorker().call('undo', { entries }));
    } catch {
      this.#status.textContent = 'That undo could not be saved: the grade is still stored. Try again.';
      return;
    } finally {
      this.#busy = false;
    }
    this.#graded = [];
    if (this.#retry) {
      retryPlan().cancel(this.#key());
      this.#retry.remove();
      this.#retry = null;
    }
    // The next grade is a fresh answer, checked against the log as it is now.
    this.#shown = this.#show();
    this.#done.hidden = saved;
    this.#panel.hidden = false;
    this.#status.textContent = saved ? '' : `Undone: ${NOT_SAVED_WORDS}`;
    this.#summary.focus();
    saveReplayWhenIdle();
  }

  readonly #onKey = (event: KeyboardEvent): void => {
    // A prompt holds no text field, so digits typed inside it are always grades.
    if (event.ctrlKey || event.metaKey || event.altKey || this.#panel.hidden) return;
    if (!['1', '2', '3', '4'].includes(event.key)) return;
    event.preventDefault();
    void this.grade(Number(event.key) as Grade);
  };
}

/** After grading, the page's memory overlay on the next visit reads stored states instead of replaying. */
function saveReplayWhenIdle(): void {
  if (!replaySaved) return;
  replaySaved = false;
  whenIdle(() => {
    replaySaved = true;
    void gradingWorker()
      .call('save-replay', null)
      .catch(() => {});
  });
}

const gradings = new WeakMap<HTMLElement, PromptGrading>();

/** Called by `<check-card>` on every reveal. */
export function gradeInPlace(block: HTMLElement): void {
  let grading = gradings.get(block);
  if (!grading) gradings.set(block, (grading = new PromptGrading(block)));
  grading.revealed();
}
