import type { ReviewSettings } from '../review-log/schema.ts';
import type { OptimizeResult, OptimizeStage } from './optimize.ts';

/** The page asks the optimizer worker for one fit of the stored log (the worker reads it from IndexedDB). */
export interface ToOptimizerWorker {
  type: 'optimize';
  /** The settings in use: the fit is scored against their parameters. */
  settings: ReviewSettings;
  now: number;
}

/** Stages as they start (the fit itself is one blocking WASM call, so it has no finer progress), then the result. */
export type OptimizerStage = 'loading' | OptimizeStage;

export type FromOptimizerWorker =
  { type: 'progress'; stage: OptimizerStage } | { type: 'done'; result: OptimizeResult };
