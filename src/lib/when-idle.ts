/**
 * Runs `work` once the browser is idle (within `timeout` ms at the latest), so code
 * for a part of the page below the fold never competes with what the reader came for.
 */
export function whenIdle(work: () => void, timeout = 2000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => work(), { timeout });
  else setTimeout(work, 200);
}
