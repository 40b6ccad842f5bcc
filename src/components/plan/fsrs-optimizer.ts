import { requiredElement } from '../../lib/dom.ts';
import type { OptimizeResult } from '../../lib/plan/optimize.ts';
import { runOptimizer } from '../../lib/plan/optimizer-client.ts';
import { WorkerError } from '../../lib/worker-rpc.ts';
import type { OptimizerStage } from '../../lib/plan/optimizer-protocol.ts';
import type { PlanReport } from '../../lib/plan/plan-report.ts';
import type { ReviewSettings } from '../../lib/review-log/schema.ts';

const required = <T extends Element>(root: ParentNode, selector: string): T =>
  requiredElement<T>(root, selector, 'fsrs-optimizer');

const STAGE_TEXT: Record<OptimizerStage, string> = {
  loading: 'Loading the optimizer (about 440 KB compressed)…',
  preparing: 'Reading your reviews…',
  fitting: 'Fitting FSRS to your reviews (this can take a minute; you can keep reviewing)…',
  scoring: 'Comparing your current parameters with the fitted ones…',
};

function describe(result: Extract<OptimizeResult, { ok: true }>): string {
  const { before, after } = result;
  const figures = `On your ${before.reviews} scored reviews, log loss ${before.logLoss.toFixed(4)} → ${after.logLoss.toFixed(4)}, RMSE ${before.rmse.toFixed(4)} → ${after.rmse.toFixed(4)} (lower is better).`;
  return result.better
    ? `${figures} The fitted parameters predict your answers better.`
    : `${figures} They do not predict your answers better, so your parameters stay as they are.`;
}

/**
 * <fsrs-optimizer>: fits FSRS to the user's own log in a worker (fsrs-rs as
 * WASM, fetched only on "Optimize"), shows log loss and RMSE before and after,
 * and offers the fitted parameters only when they are better; they are applied
 * only on the user's click, through the owner's `apply`.
 */
export class FsrsOptimizer extends HTMLElement {
  readonly #status = required<HTMLElement>(this, '[data-optimizer-status]');
  readonly #run = required<HTMLButtonElement>(this, '[data-optimizer-run]');
  readonly #apply = required<HTMLButtonElement>(this, '[data-optimizer-apply]');
  readonly #result = required<HTMLElement>(this, '[data-optimizer-result]');
  #settings: ReviewSettings | null = null;
  #applyParameters: (parameters: number[]) => void = () => {};
  #fitted: number[] | null = null;

  connectedCallback(): void {
    this.#run.addEventListener('click', this.#onRun);
    this.#apply.addEventListener('click', this.#onApply);
  }

  disconnectedCallback(): void {
    this.#run.removeEventListener('click', this.#onRun);
    this.#apply.removeEventListener('click', this.#onApply);
  }

  /** Shows what the optimizer could do with the log the report was made from, and how to apply a fit. */
  show(report: PlanReport, apply: (parameters: number[]) => void): void {
    this.#settings = report.settings;
    this.#applyParameters = apply;
    const { trainingReviews, optimizerThreshold } = report;
    const own = report.settings.parameters
      ? 'You are using parameters fitted to your reviews.'
      : 'You are using FSRS’s default parameters.';
    this.#run.disabled = trainingReviews < optimizerThreshold;
    this.#status.textContent = this.#run.disabled
      ? `${own} Optimizing needs ${optimizerThreshold} reviews made on a later day than the card’s previous one; you have ${trainingReviews}.`
      : `${own} You have ${trainingReviews} reviews to fit FSRS to your own memory.`;
  }

  readonly #onRun = (): void => {
    const settings = this.#settings;
    if (!settings) return;
    this.#run.disabled = true;
    this.#apply.hidden = true;
    this.#fitted = null;
    this.#result.textContent = '';
    const job = runOptimizer({
      request: { settings, now: Date.now() },
      onStage: (stage) => (this.#status.textContent = STAGE_TEXT[stage]),
    });
    job.result.then(
      (result) => {
        this.#run.disabled = false;
        this.#status.textContent = 'Done.';
        this.#result.textContent = describe(result);
        this.#fitted = result.better ? result.parameters : null;
        this.#apply.hidden = !result.better;
      },
      (error: unknown) => {
        this.#run.disabled = false;
        this.#status.textContent =
          error instanceof WorkerError ? error.message : 'The optimizer failed. Your parameters are unchanged.';
      },
    );
  };

  readonly #onApply = (): void => {
    if (!this.#fitted) return;
    this.#applyParameters(this.#fitted);
    this.#apply.hidden = true;
    this.#result.textContent +=
      ' Applied: your reviews are now scheduled with your own parameters (saved with your progress).';
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'fsrs-optimizer': FsrsOptimizer;
  }
}

customElements.define('fsrs-optimizer', FsrsOptimizer);
