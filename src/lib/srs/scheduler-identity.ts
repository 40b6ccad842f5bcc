import { FSRSVersion, migrateParameters, type FSRSParameters } from 'ts-fsrs';

// Every input of the scheduler, in one place: `createScheduler` builds its engine from `engineParameters`,
// and every cache of replayed states is keyed on `schedulerIdentity`, built from the same values. A setting
// added to the engine here is in the key without anyone remembering to add it. Only ts-fsrs's constants are
// imported, so a guide's memory worker can check the cache without loading the scheduler.

/** What the scheduler is built from: the user's settings (a `ReviewSettings` is one). */
export interface SchedulerOptions {
  desiredRetention: number;
  maximumInterval: number;
  /** FSRS weights fitted by the optimizer; ts-fsrs's defaults when absent. */
  parameters?: readonly number[] | undefined;
}

export const LEARNING_STEPS = ['1m', '10m'] as const;
export const RELEARNING_STEPS = ['10m'] as const;

/**
 * How a rating's fuzz is seeded (see `createScheduler`): by card id and repetition count. Named here so
 * a change of rule changes the identity, and every cached state computed under the old rule is replayed.
 */
export const SEED_RULE = 'cardId:reps';

/**
 * The 21 weights the engine uses: the fitted ones clipped to ts-fsrs's bounds as its engine clips them
 * (a stored w[20] of 0.9 decays as 0.8), or ts-fsrs's defaults. The recall shown anywhere is computed
 * over these, and so is the identity.
 */
export function activeWeights(options: SchedulerOptions): number[] {
  return migrateParameters(options.parameters, RELEARNING_STEPS.length, true);
}

/** The ts-fsrs parameters the engine is created with. */
export function engineParameters(options: SchedulerOptions): Partial<FSRSParameters> {
  return {
    request_retention: options.desiredRetention,
    maximum_interval: options.maximumInterval,
    w: activeWeights(options),
    enable_fuzz: true,
    enable_short_term: true,
    learning_steps: LEARNING_STEPS,
    relearning_steps: RELEARNING_STEPS,
  };
}

/**
 * The scheduler's identity: the library version, the fuzz's seed rule and every engine parameter. Two
 * schedulers with one identity replay any log to the same states; anything that changes a replay
 * changes it.
 */
export function schedulerIdentity(options: SchedulerOptions): string {
  return JSON.stringify({ version: FSRSVersion, seed: SEED_RULE, ...engineParameters(options) });
}
