interface PrioritizedScheduler {
  yield(): Promise<void>;
}

/**
 * Ends the current task and resumes in a new one, so input and rendering can
 * run in between: start-up work split this way never blocks a tap for long on
 * a phone, which runs script about four times slower than a laptop. Uses
 * `scheduler.yield()` where it exists (it resumes ahead of other queued tasks),
 * else a zero timeout.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<PrioritizedScheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs `work(from, to)` over `[0, count)` in slices of `size`, yielding to the main thread
 * between slices, so a loop over hundreds of thousands of items never makes one long task.
 */
export async function inSlices(count: number, size: number, work: (from: number, to: number) => void): Promise<void> {
  for (let from = 0; from < count; from += size) {
    if (from > 0) await yieldToMain();
    work(from, Math.min(count, from + size));
  }
}
