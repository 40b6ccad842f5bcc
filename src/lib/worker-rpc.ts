/**
 * The one way the page talks to its workers: a request and its reply over
 * postMessage, typed by a map of calls, with optional progress events on the
 * way. Every failure rejects with a `WorkerError` whose message is written for
 * the reader: a handler that throws (its `code` says why, e.g. `refused`), a
 * worker that crashes or fails to start (`crashed`), or one ended by the page
 * (`cancelled`). Workers are bundled apart, so they share no chunk with the
 * pages' start-up JavaScript.
 */

/** Each call's request, reply and (for long calls) progress event. */
export type Calls = Record<string, { request: unknown; reply: unknown; progress?: unknown }>;

type ProgressOf<C extends Calls, K extends keyof C> = C[K] extends { progress: infer P } ? P : never;

/** What every failed call rejects with: `message` is shown to the reader as it is. */
export class WorkerError extends Error {
  /** `crashed`: the worker failed or could not start; `cancelled`: the page ended it; others: set by the handler. */
  readonly code: string;
  constructor(message: string, code = 'failed') {
    super(message);
    this.name = 'WorkerError';
    this.code = code;
  }
}

type Envelope = { id: number; type: string; request: unknown };
type Answer =
  { id: number; reply: unknown } | { id: number; progress: unknown } | { id: number; error: string; code: string };

/** The page's side of a worker (a `Worker`, or a `MessagePort` with a `terminate` in tests). */
export interface WorkerLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
  terminate(): void;
}

/** The worker's side: its global scope, or a `MessagePort` in tests. */
export interface ServeScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

export interface Client<C extends Calls> {
  call<K extends keyof C & string>(
    type: K,
    request: C[K]['request'],
    onProgress?: (progress: ProgressOf<C, K>) => void,
  ): Promise<C[K]['reply']>;
  /** Ends the worker: calls still waiting reject with code `cancelled`. */
  close(): void;
}

/**
 * The calling side, on the page. `crashMessage` is what a crash or a failed
 * start says (a module worker that cannot load reports no message of its own).
 */
export function connect<C extends Calls>(worker: WorkerLike, options: { crashMessage: string }): Client<C> {
  let nextId = 0;
  let ended: WorkerError | null = null;
  const waiting = new Map<
    number,
    { resolve: (reply: unknown) => void; reject: (error: Error) => void; onProgress?: (progress: never) => void }
  >();
  const endAll = (error: WorkerError) => {
    ended = error;
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
  };
  worker.addEventListener('message', (event: MessageEvent) => {
    const answer = event.data as Answer;
    const pending = waiting.get(answer.id);
    if (!pending) return;
    if ('progress' in answer) {
      pending.onProgress?.(answer.progress as never);
      return;
    }
    waiting.delete(answer.id);
    if ('error' in answer) pending.reject(new WorkerError(answer.error, answer.code));
    else pending.resolve(answer.reply);
  });
  worker.addEventListener('error', (event: Event) => {
    // The error is the worker's, not the page's: kept from the console's uncaught errors.
    event.preventDefault();
    worker.terminate();
    endAll(new WorkerError(options.crashMessage, 'crashed'));
  });
  return {
    call(type, request, onProgress) {
      if (ended) return Promise.reject(ended);
      const id = ++nextId;
      return new Promise((resolve, reject) => {
        waiting.set(id, {
          resolve: resolve as (reply: unknown) => void,
          reject,
          ...(onProgress ? { onProgress: onProgress as (progress: never) => void } : {}),
        });
        worker.postMessage({ id, type, request } satisfies Envelope);
      });
    },
    close() {
      worker.terminate();
      endAll(new WorkerError('Stopped.', 'cancelled'));
    },
  };
}

/** One call in a worker started for it and ended when it answers, fails or is cancelled. */
export function callOnce<C extends Calls, K extends keyof C & string>(
  start: () => WorkerLike,
  options: { crashMessage: string },
  type: K,
  request: C[K]['request'],
  onProgress?: (progress: ProgressOf<C, K>) => void,
): { result: Promise<C[K]['reply']>; cancel(): void } {
  let client: Client<C>;
  try {
    client = connect<C>(start(), options);
  } catch {
    // `new Worker` itself can throw (a blocked or unsupported worker): the same failure as a crash.
    return { result: Promise.reject(new WorkerError(options.crashMessage, 'crashed')), cancel() {} };
  }
  const result = client.call(type, request, onProgress);
  const close = () => client.close();
  result.then(close, close);
  return { result, cancel: close };
}

/**
 * The answering side, in the worker. A handler reports progress through its
 * second argument; what it throws reaches the caller as a `WorkerError`
 * (with the thrown `WorkerError`'s code, or `failed`).
 */
export function serve<C extends Calls>(
  handlers: {
    [K in keyof C]: (
      request: C[K]['request'],
      progress: (progress: ProgressOf<C, K>) => void,
    ) => Promise<C[K]['reply']>;
  },
  scope: ServeScope = self as unknown as ServeScope,
): void {
  scope.addEventListener('message', (event: MessageEvent) => {
    const { id, type, request } = event.data as Envelope;
    const handler = handlers[type as keyof C];
    const progress = (value: unknown) => scope.postMessage({ id, progress: value } satisfies Answer);
    Promise.resolve()
      .then(() => {
        if (!handler) throw new WorkerError(`The worker has no call named "${type}".`);
        return handler(request as never, progress as never);
      })
      .then(
        (reply) => scope.postMessage({ id, reply } satisfies Answer),
        (error: unknown) =>
          scope.postMessage({
            id,
            error: error instanceof Error ? error.message : String(error),
            code: error instanceof WorkerError ? error.code : 'failed',
          } satisfies Answer),
      );
  });
}
