import type { GradingCalls } from './reading-protocol.ts';
import { connect, type Client } from '../worker-rpc.ts';

let client: Client<GradingCalls> | null = null;

/** The page's one grading worker, started on first use. */
export function gradingWorker(): Client<GradingCalls> {
  if (!client) {
    // A module worker bundled by Vite into /_astro/: same origin, so the CSP's script-src 'self' allows it.
    const worker = new Worker(new URL('./grading-worker.ts', import.meta.url), { type: 'module', name: 'grading' });
    const started = connect<GradingCalls>(worker, {
      crashMessage: 'Grading here stopped working (its worker failed). Try again, or reload the page.',
    });
    // A crashed worker is replaced at the next call (the calls it had rejected with the message above).
    worker.addEventListener('error', () => {
      if (client === started) client = null;
    });
    client = started;
  }
  return client;
}
