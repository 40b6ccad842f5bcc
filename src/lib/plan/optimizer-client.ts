import type { ReviewSettings } from '../review-log/schema.ts';
import type { OptimizeResult } from './optimize.ts';
import type { FromOptimizerWorker, OptimizerStage, ToOptimizerWorker } from './optimizer-protocol.ts';

/**
 * Runs one fit in a module worker, created here and ended when it answers:
 * the WASM module is fetched only now. A worker that crashes or cannot load
 * resolves to a message; the parameters in use are never touched here.
 */
export function runOptimizer(options: {
  settings: ReviewSettings;
  now: number;
  onStage: (stage: OptimizerStage) => void;
}): { result: Promise<OptimizeResult>; cancel(): void } {
  // Bundled by Vite into /_astro/ (same origin, so script-src 'self' allows it); left out of the precache.
  const worker = new Worker(new URL('./optimizer-worker.ts', import.meta.url), { type: 'module', name: 'optimizer' });
  const result = new Promise<OptimizeResult>((resolve) => {
    worker.addEventListener('message', (event: MessageEvent<FromOptimizerWorker>) => {
      const message = event.data;
      if (message.type === 'progress') {
        options.onStage(message.stage);
        return;
      }
      worker.terminate();
      resolve(message.result);
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      resolve({
        ok: false,
        message: `The optimizer stopped (${event.message || 'its worker failed to start'}). Your parameters are unchanged.`,
      });
    });
  });
  const request: ToOptimizerWorker = {
    type: 'optimize',
    settings: options.settings,
    now: options.now,
  };
  worker.postMessage(request);
  return { result, cancel: () => worker.terminate() };
}
