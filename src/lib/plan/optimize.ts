import type { ReviewEntry, ReviewSettings } from '../review-log/schema.ts';
import { createScheduler } from '../srs/scheduler.ts';
import { FSRS_PARAMETER_COUNT, fsrsParametersSchema } from '../review-log/interview-schema.ts';
import { modelFit, type ModelFit } from './model-fit.ts';
import { OPTIMIZER_MIN_REVIEWS, optimizerRevlog } from './optimizer-input.ts';

/** The part of fsrs-browser's `Fsrs` class the optimizer uses (its WASM build of fsrs-rs). */
export interface FsrsTrainer {
  computeParametersAnki(
    minuteOffset: number,
    cids: BigInt64Array,
    eases: Uint8Array,
    ids: BigInt64Array,
    types: Uint8Array,
    progress: undefined,
    enableShortTerm: boolean,
  ): Float32Array;
  free(): void;
}

export type OptimizeStage = 'preparing' | 'fitting' | 'scoring';

export type OptimizeResult =
  | {
      ok: true;
      parameters: number[];
      before: ModelFit;
      after: ModelFit;
      /** True when the fitted parameters predict the user's answers better (lower log loss). */
      better: boolean;
    }
  | { ok: false; message: string };

/**
 * Fits FSRS to the user's log with fsrs-rs (`makeTrainer` gives a fresh
 * trainer) and scores the current and the fitted parameters on the same log.
 * Nothing is applied here: the caller offers the result, and only when it is
 * better. Errors come back as messages, the parameters in use untouched.
 */
export function optimize(
  makeTrainer: () => FsrsTrainer,
  entries: readonly ReviewEntry[],
  settings: ReviewSettings,
  now: number,
  onStage: (stage: OptimizeStage) => void = () => {},
): OptimizeResult {
  onStage('preparing');
  const current = createScheduler(settings);
  const revlog = optimizerRevlog(current, entries, now);
  if (revlog.trainingReviews < OPTIMIZER_MIN_REVIEWS) {
    return {
      ok: false,
      message: `The optimizer needs ${OPTIMIZER_MIN_REVIEWS} reviews made on a later day than the card's previous one; your log has ${revlog.trainingReviews}. Your parameters are unchanged.`,
    };
  }
  onStage('fitting');
  let fitted: number[];
  const trainer = makeTrainer();
  try {
    const raw = trainer.computeParametersAnki(
      revlog.minuteOffset,
      revlog.cids,
      revlog.eases,
      revlog.ids,
      revlog.types,
      undefined,
      true,
    );
    // f32 to f64 adds noise digits: round so the file stores what fsrs-rs meant.
    fitted = Array.from(raw, (value) => Math.round(value * 1e6) / 1e6);
  } catch (error) {
    return { ok: false, message: `The optimizer failed (${String(error)}). Your parameters are unchanged.` };
  } finally {
    trainer.free();
  }
  const parsed = fsrsParametersSchema.safeParse(fitted);
  if (!parsed.success) {
    return {
      ok: false,
      message: `The optimizer returned ${fitted.length} values, not the ${FSRS_PARAMETER_COUNT} FSRS-6 parameters. Your parameters are unchanged.`,
    };
  }
  onStage('scoring');
  const before = modelFit(current, entries);
  const after = modelFit(createScheduler({ ...settings, parameters: parsed.data }), entries);
  return { ok: true, parameters: parsed.data, before, after, better: after.logLoss < before.logLoss };
}
