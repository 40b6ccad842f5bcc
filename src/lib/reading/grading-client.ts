import type { GradingCalls } from './reading-protocol.ts';
import { connect, type Client } from '../worker-rpc.ts';

let client: Client<GradingCalls> | null = null;

/** The page's one grading worker, started on first use. */
export function gradingWorker(): Client<GradingCalls> {
  // A module worker bundled by Vite into /_astro/: same origin, so the CSP's script-src 'self' allows it.
  client ??= connect<GradingCalls>(
    new Worker(new URL('./grading-worker.ts', import.meta.url), { type: 'module', name: 'grading' }),
    { crashMessage: 'Grading here stopped working (its worker failed). Reload the page to try again.' },
  );
  return client;
}
