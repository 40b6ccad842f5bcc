/**
 * Request and reply over postMessage, typed by a map of calls. The guide's
 * reading code runs its storage and scheduling in workers: bundled apart, they
 * share no chunk with /review/, whose start-up JavaScript stays as it was.
 */

/** Each call's request and reply. */
export type Calls = Record<string, { request: unknown; reply: unknown }>;

type Envelope<C extends Calls> = { [K in keyof C]: { id: number; type: K; request: C[K]['request'] } }[keyof C];
type Answer = { id: number; reply: unknown } | { id: number; error: string };

export interface Client<C extends Calls> {
  call<K extends keyof C & string>(type: K, request: C[K]['request']): Promise<C[K]['reply']>;
}

/** The calling side, on the page. */
export function connect<C extends Calls>(worker: Worker): Client<C> {
  let nextId = 0;
  const waiting = new Map<number, { resolve: (reply: unknown) => void; reject: (error: Error) => void }>();
  worker.addEventListener('message', (event: MessageEvent<Answer>) => {
    const answer = event.data;
    const pending = waiting.get(answer.id);
    waiting.delete(answer.id);
    if ('error' in answer) pending?.reject(new Error(answer.error));
    else pending?.resolve(answer.reply);
  });
  worker.addEventListener('error', (event) => {
    for (const pending of waiting.values()) pending.reject(new Error(event.message || 'The worker failed.'));
    waiting.clear();
  });
  return {
    call(type, request) {
      const id = ++nextId;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (reply: unknown) => void, reject });
        worker.postMessage({ id, type, request });
      });
    },
  };
}

/** The answering side, in the worker. */
export function serve<C extends Calls>(handlers: {
  [K in keyof C]: (request: C[K]['request']) => Promise<C[K]['reply']>;
}): void {
  addEventListener('message', (event: MessageEvent<Envelope<C>>) => {
    const { id, type, request } = event.data;
    handlers[type](request).then(
      (reply) => postMessage({ id, reply } satisfies Answer),
      (error: unknown) =>
        postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies Answer),
    );
  });
}
