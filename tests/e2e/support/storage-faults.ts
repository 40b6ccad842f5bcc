import type { Page } from '@playwright/test';

/**
 * IndexedDB failures as browsers produce them, injected before any page script runs:
 * - `missing`: no `indexedDB` at all (some private modes, some embedded browsers);
 * - `open-throws`: `indexedDB.open()` throws synchronously (Firefox with storage disabled);
 * - `open-fails`: the open request fires `error` (storage blocked, or a corrupt profile);
 * - `read-fails`: values of the log cannot be read ("Failed to read large IndexedDB value",
 *   a blob file gone from disk); with `entries`, only those entry ids are unreadable and keys
 *   still are, otherwise keys fail too;
 * - `quota`: every write transaction aborts with QuotaExceededError;
 * - `abort`: every write transaction aborts (eviction, the browser shutting it down).
 * Settled before the first navigation; `arm` ones wait until the page sets
 * `localStorage['test:storage-fault']`, so a test can first store data normally.
 */
export type StorageFault =
  | { kind: 'missing' }
  | { kind: 'open-throws' }
  | { kind: 'open-fails' }
  | { kind: 'read-fails'; entries?: readonly string[] }
  | { kind: 'quota' }
  | { kind: 'abort' };

export const FAULT_KEY = 'test:storage-fault';

/** Breaks IndexedDB on every page of `page` from the next navigation on. */
export async function injectStorageFault(page: Page, fault: StorageFault): Promise<void> {
  await page.addInitScript(installFault, fault);
}

/** Breaks IndexedDB from the next navigation on, once the page has stored what it needs. */
export async function armStorageFault(page: Page, fault: StorageFault): Promise<void> {
  await page.addInitScript(
    ({ key }) => {
      const raw = localStorage.getItem(key);
      if (raw) (window as unknown as { __storageFault: unknown }).__storageFault = JSON.parse(raw);
    },
    { key: FAULT_KEY },
  );
  await page.addInitScript(installFault, null);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [FAULT_KEY, JSON.stringify(fault)] as const);
}

/** Runs in the page: must not refer to anything outside itself. */
function installFault(given: StorageFault | null): void {
  const fault = given ?? (window as unknown as { __storageFault?: StorageFault }).__storageFault;
  if (!fault) return;
  /** Turns `request` into a failed one: always, or when its result passes `unreadable`. */
  const fail = (request: IDBRequest, error: DOMException, unreadable: (result: unknown) => boolean = () => true) => {
    request.addEventListener(
      'success',
      (event) => {
        if (!unreadable(request.result)) return;
        // The real read succeeded: hide that and deliver an error instead.
        event.stopImmediatePropagation();
        Object.defineProperty(request, 'error', { get: () => error, configurable: true });
        Object.defineProperty(request, 'result', {
          get: () => {
            throw new DOMException('The request has failed.', 'InvalidStateError');
          },
          configurable: true,
        });
        request.dispatchEvent(new Event('error', { bubbles: true, cancelable: true }));
      },
      { capture: true },
    );
    return request;
  };
  switch (fault.kind) {
    case 'missing':
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
      return;
    case 'open-throws':
      IDBFactory.prototype.open = function () {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
      return;
    case 'open-fails': {
      const open = IDBFactory.prototype.open;
      IDBFactory.prototype.open = function (this: IDBFactory, ...args: [string, number?]) {
        return fail(open.apply(this, args), new DOMException('Internal error opening backing store.', 'UnknownError'));
      } as typeof open;
      return;
    }
    case 'read-fails': {
      const broken = fault.entries ? new Set(fault.entries) : null;
      const readError = () =>
        new DOMException('Failed to read large IndexedDB value for key range.', 'UnknownError') as DOMException;
      const isLog = (source: IDBObjectStore | IDBIndex) =>
        (source instanceof IDBIndex ? source.objectStore : source).name === 'log';
      for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype] as (IDBObjectStore | IDBIndex)[]) {
        for (const method of ['getAll', 'openCursor'] as const) {
          const original = proto[method] as (...args: unknown[]) => IDBRequest;
          (proto as unknown as Record<string, unknown>)[method] = function (
            this: IDBObjectStore | IDBIndex,
            ...args: unknown[]
          ) {
            const request = original.apply(this, args);
            // A read fails when it reaches an unreadable record, as Chrome's does.
            const touchesBroken = (result: unknown): boolean => {
              if (!broken) return true;
              const values = Array.isArray(result) ? result : [(result as IDBCursorWithValue | null)?.value];
              return values.some((value) => broken.has((value as { id?: string } | undefined)?.id ?? ''));
            };
            return isLog(this) ? fail(request, readError(), touchesBroken) : request;
          };
        }
        for (const method of ['getAllKeys', 'openKeyCursor'] as const) {
          const original = proto[method] as (...args: unknown[]) => IDBRequest;
          (proto as unknown as Record<string, unknown>)[method] = function (
            this: IDBObjectStore | IDBIndex,
            ...args: unknown[]
          ) {
            const request = original.apply(this, args);
            return isLog(this) && !broken ? fail(request, readError()) : request;
          };
        }
      }
      const get = IDBObjectStore.prototype.get;
      IDBObjectStore.prototype.get = function (this: IDBObjectStore, query: IDBValidKey | IDBKeyRange) {
        const request = get.call(this, query);
        const unreadable = this.name === 'log' && (!broken || (typeof query === 'string' && broken.has(query)));
        return unreadable ? fail(request, readError()) : request;
      };
      return;
    }
    case 'quota':
    case 'abort': {
      const error = () =>
        fault.kind === 'quota'
          ? new DOMException('The quota has been exceeded.', 'QuotaExceededError')
          : new DOMException('The transaction was aborted.', 'AbortError');
      for (const method of ['add', 'put', 'delete', 'clear'] as const) {
        const original = IDBObjectStore.prototype[method] as (...args: unknown[]) => IDBRequest;
        (IDBObjectStore.prototype as unknown as Record<string, unknown>)[method] = function (
          this: IDBObjectStore,
          ...args: unknown[]
        ) {
          const request = original.apply(this, args);
          const tx = this.transaction;
          if (tx.mode === 'versionchange') return request;
          // The write is queued, then the commit fails, as when the disk fills mid-write.
          Object.defineProperty(tx, 'error', { get: error, configurable: true });
          try {
            tx.abort();
          } catch {
            // Already finished.
          }
          return request;
        };
      }
      return;
    }
  }
}
