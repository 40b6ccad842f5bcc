import type { FromPlanWorker, ToPlanWorker } from './plan-protocol.ts';

/** One report from a fresh plan worker, ended when it answers (or fails to start). */
export function requestPlan(request: ToPlanWorker): Promise<FromPlanWorker> {
  const worker = new Worker(new URL('./plan-worker.ts', import.meta.url), { type: 'module', name: 'plan' });
  return new Promise((resolve) => {
    worker.addEventListener('message', (event: MessageEvent<FromPlanWorker>) => {
      worker.terminate();
      resolve(event.data);
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      resolve({
        ok: false,
        message: `The plan could not be worked out (${event.message || 'its worker failed to start'}).`,
      });
    });
    worker.postMessage(request);
  });
}
