/**
 * Whether `error` is the browser saying this site's storage is full (a write over the
 * quota). Retrying cannot help then: only freeing space can.
 */
export function isStorageFull(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'name' in error &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')
  );
}

/** What "Save all" says when storage is full: what happened, what still works, what frees space. */
export const STORAGE_FULL_MESSAGE =
  'Saving stopped: this browser’s storage for the site is full. What was saved stays saved, and guides still open online. To save the rest, free space on this device (or clear other sites’ data in the browser’s settings), then save again.';
