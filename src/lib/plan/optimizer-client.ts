import { callOnce } from '../worker-rpc.ts';
import type { OptimizerCalls, OptimizerStage } from './optimizer-protocol.ts';

/** Shown when the worker cannot start: before first use offline, its script and WASM were never fetched. */
const OPTIMIZER_CRASHED =
  'The optimizer could not start. It is downloaded the first time you use it, so that needs the network once: connect and try again. Your parameters are unchanged.';

/**
 * Runs one fit in a module worker, created here and ended when it answers:
 * the WASM module is fetched only now. Every failure rejects with a
 * `WorkerError` whose message is shown; the parameters in use are never
 * touched here.
 */
export function runOptimizer(options: {
  request: OptimizerCalls['optimize']['request'];
  onStage: (stage: OptimizerStage) => void;
}): { result: Promise<OptimizerCalls['optimize']['reply']>; cancel(): void } {
  return callOnce<OptimizerCalls, 'optimize'>(
    // Bundled by Vite into /_astro/ (same origin, so script-src 'self' allows it); left out of the precache.
    () => new Worker(new URL('./optimizer-worker.ts', import.meta.url), { type: 'module', name: 'optimizer' }),
    { crashMessage: OPTIMIZER_CRASHED },
    'optimize',
    options.request,
    options.onStage,
  );
}
