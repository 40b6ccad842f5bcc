import init, { Fsrs } from 'fsrs-browser';
import { openProgressStore } from '../store/progress-store.ts';
import { WorkerError, serve } from '../worker-rpc.ts';
import { optimize } from './optimize.ts';
import type { OptimizerCalls } from './optimizer-protocol.ts';

/**
 * The optimizer, off the page's main thread: fsrs-browser (fsrs-rs built to
 * WASM, 1.7 MB) is fetched when this worker starts, which is only when the user
 * asks to optimize. Its thread pool is not started (that needs a cross-origin
 * isolated page); fsrs-rs then trains on this worker's one thread.
 */

serve<OptimizerCalls>({
  async optimize({ settings, now }, progress) {
    progress('loading');
    let entries;
    try {
      entries = (await (await openProgressStore()).store.load()).entries;
    } catch {
      throw new WorkerError('Your reviews could not be read. Your parameters are unchanged.');
    }
    try {
      await init();
    } catch (error) {
      throw new WorkerError(
        `The optimizer could not load (${String(error)}). It is downloaded the first time it is used, which needs the network once. Your parameters are unchanged.`,
      );
    }
    const result = optimize(() => new Fsrs(), entries, settings, now, progress);
    if (!result.ok) throw new WorkerError(result.message);
    return result;
  },
});
