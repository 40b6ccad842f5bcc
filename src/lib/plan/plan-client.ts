import { connect, type Client } from '../worker-rpc.ts';
import type { PlanCalls, PlanRequest } from './plan-protocol.ts';
import type { PlanReport } from './plan-report.ts';

let client: Client<PlanCalls> | null = null;

const CRASHED = 'The plan could not be worked out (its worker stopped). Reload the page to try again.';

/**
 * The page's one plan worker, started on first use and kept: it holds the deck
 * and the log between reports. A crashed worker is replaced at the next request.
 */
function planWorker(): Client<PlanCalls> {
  if (!client) {
    // A module worker bundled by Vite into /_astro/: same origin, so the CSP's script-src 'self' allows it.
    const worker = new Worker(new URL('./plan-worker.ts', import.meta.url), { type: 'module', name: 'plan' });
    const started = connect<PlanCalls>(worker, { crashMessage: CRASHED });
    worker.addEventListener('error', () => {
      if (client === started) client = null;
    });
    client = started;
  }
  return client;
}

/** One report; rejects with a `WorkerError` (code `form`: the interview form was refused). */
export function requestPlan(request: PlanRequest): Promise<PlanReport> {
  return planWorker().call('report', request);
}
