import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { expect, test } from 'vitest';
import { default_w } from 'ts-fsrs';

process.env['TZ'] = 'UTC';
// fsrs-browser's thread-pool helper listens on the worker global at import; Node has none.
Object.assign(globalThis, { self: Object.assign(new EventTarget(), globalThis) });
const fsrsBrowser = await import('fsrs-browser');
const { optimize } = await import('../../src/lib/plan/optimize.ts');
const { modelFit } = await import('../../src/lib/plan/model-fit.ts');
const { OPTIMIZER_MIN_REVIEWS } = await import('../../src/lib/plan/optimizer-input.ts');
const { createScheduler } = await import('../../src/lib/srs/scheduler.ts');
const { syntheticLog } = await import('../fixtures/plan/synthetic-log.ts');

const wasm = await readFile(createRequire(import.meta.url).resolve('fsrs-browser/fsrs_browser_bg.wasm'));
fsrsBrowser.initSync({ module: wasm });
const makeTrainer = () => new fsrsBrowser.Fsrs();

const SETTINGS = { newPerDay: 20, desiredRetention: 0.9, maximumInterval: 36500 };
const START = Date.UTC(2026, 0, 5, 9);
/** A learner with a better memory than FSRS's defaults assume: larger first stabilities, slower forgetting. */
const TRUE_PARAMETERS = default_w.map((w, i) =>
  [0, 1, 2, 3].includes(i) ? w * 3 : i === 8 ? w * 1.15 : i === 20 ? 0.35 : w,
);

test('on a log from known parameters, fsrs-rs fits parameters with a lower log loss than the defaults', () => {
  const log = syntheticLog({ parameters: TRUE_PARAMETERS, cards: 200, days: 240, start: START, seed: 7 });
  const stages: string[] = [];
  const result = optimize(makeTrainer, log, SETTINGS, START + 241 * 86_400_000, (stage) => stages.push(stage));
  if (!result.ok) throw new Error(result.message);
  const truth = modelFit(createScheduler({ ...SETTINGS, parameters: TRUE_PARAMETERS }), log);
  console.log(
    `synthetic log: ${log.length} ratings, ${result.before.reviews} scored; log loss defaults ${result.before.logLoss.toFixed(4)} → fitted ${result.after.logLoss.toFixed(4)} (true ${truth.logLoss.toFixed(4)}); RMSE ${result.before.rmse.toFixed(4)} → ${result.after.rmse.toFixed(4)}`,
  );
  expect(stages).toEqual(['preparing', 'fitting', 'scoring']);
  expect(result.parameters).toHaveLength(21);
  expect(result.parameters).not.toEqual([...default_w]);
  expect(result.better).toBe(true);
  expect(result.after.logLoss).toBeLessThan(result.before.logLoss);
  expect(result.after.rmse).toBeLessThan(result.before.rmse);
}, 120_000);

test('too few reviews: a clear refusal that names the threshold, and no parameters', () => {
  const log = syntheticLog({ parameters: default_w, cards: 20, days: 30, start: START, seed: 1 });
  const result = optimize(makeTrainer, log, SETTINGS, START + 31 * 86_400_000);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.message).toMatch(new RegExp(`needs ${OPTIMIZER_MIN_REVIEWS} reviews.*unchanged`, 'u'));
});

test('a crash in the module is reported and changes nothing', () => {
  const log = syntheticLog({ parameters: default_w, cards: 200, days: 120, start: START, seed: 3 });
  const crashing = () => ({
    computeParametersAnki(): Float32Array {
      throw new WebAssembly.RuntimeError('unreachable');
    },
    free() {},
  });
  const result = optimize(crashing, log, SETTINGS, START + 121 * 86_400_000);
  expect(result).toEqual({
    ok: false,
    message: expect.stringMatching(/optimizer failed \(RuntimeError: unreachable\).*unchanged/u),
  });
});
