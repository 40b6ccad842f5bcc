import type { ReviewSettings } from '../review-log/schema.ts';
import type { OptimizeResult, OptimizeStage } from './optimize.ts';

/** Stages as they start (the fit itself is one blocking WASM call, so it has no finer progress). */
export type OptimizerStage = 'loading' | OptimizeStage;

/**
 * The page asks the optimizer worker for one fit of the stored log (the worker
 * reads it from IndexedDB). A fit that cannot be made rejects with its message.
 */
export type OptimizerCalls = {
  optimize: {
    /** `settings`: those in use, whose parameters the fit is scored against. */
    request: { settings: ReviewSettings; now: number };
    reply: Extract<OptimizeResult, { ok: true }>;
    progress: OptimizerStage;
  };
};
