/// <reference lib="webworker" />
import init, { Fsrs } from 'fsrs-browser';
import { openProgressStore } from '../store/progress-store.ts';
import { optimize } from './optimize.ts';
import type { FromOptimizerWorker, ToOptimizerWorker } from './optimizer-protocol.ts';

/**
 * The optimizer, off the page's main thread: fsrs-browser (fsrs-rs built to
 * WASM, 1.7 MB) is fetched when this worker starts, which is only when the user
 * asks to optimize. Its thread pool is not started (that needs a cross-origin
 * isolated page); fsrs-rs then trains on this worker's one thread.
 */

const scope = self as unknown as DedicatedWorkerGlobalScope;

function post(message: FromOptimizerWorker): void {
  scope.postMessage(message);
}

scope.addEventListener('message', (event: MessageEvent<ToOptimizerWorker>) => {
  void run(event.data);
});

async function run({ settings, now }: ToOptimizerWorker): Promise<void> {
  post({ type: 'progress', stage: 'loading' });
  let entries;
  try {
    entries = (await (await openProgressStore()).store.load()).entries;
  } catch {
    post({
      type: 'done',
      result: { ok: false, message: 'Your reviews could not be read. Your parameters are unchanged.' },
    });
    return;
  }
  try {
    await init();
  } catch (error) {
    post({
      type: 'done',
      result: { ok: false, message: `The optimizer could not load (${String(error)}). Your parameters are unchanged.` },
    });
    return;
  }
  const result = optimize(
    () => new Fsrs(),
    entries,
    settings,
    now,
    (stage) => post({ type: 'progress', stage }),
  );
  post({ type: 'done', result });
}
