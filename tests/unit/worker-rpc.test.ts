import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { callOnce, connect, serve, WorkerError, type ServeScope, type WorkerLike } from '../../src/lib/worker-rpc.ts';

// A worker simulated by a MessageChannel: the page holds one port, the "worker" serves on the other.
// `crash()` fires the 'error' event a real Worker fires when its script throws or cannot load.

type TestCalls = {
  double: { request: number; reply: number };
  count: { request: number; reply: string; progress: number };
  refuse: { request: string; reply: never };
  explode: { request: null; reply: never };
  hang: { request: null; reply: never };
};

const open: MessagePort[] = [];
afterEach(() => {
  for (const port of open.splice(0)) port.close();
});

function fakeWorker(): { worker: WorkerLike & { terminated: boolean }; crash(): void; scope: ServeScope } {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  const errors = new EventTarget();
  const worker = {
    terminated: false,
    postMessage: (message: unknown) => port1.postMessage(message),
    addEventListener(type: 'message' | 'error', listener: (event: never) => void) {
      if (type === 'message') port1.addEventListener('message', listener as never);
      else errors.addEventListener('error', listener as never);
    },
    terminate() {
      worker.terminated = true;
      port1.close();
    },
  };
  const scope: ServeScope = {
    postMessage: (message) => port2.postMessage(message),
    addEventListener: (_type, listener) => port2.addEventListener('message', listener as never),
  };
  return { worker, crash: () => errors.dispatchEvent(new Event('error', { cancelable: true })), scope };
}

function serveTest(scope: ServeScope): void {
  serve<TestCalls>(
    {
      double: async (n) => n * 2,
      async count(n, progress) {
        for (let i = 1; i <= n; i++) progress(i);
        return `counted ${n}`;
      },
      async refuse(why) {
        throw new WorkerError(`Refused: ${why}`, 'refused');
      },
      async explode() {
        throw new TypeError('undefined is not a function');
      },
      hang: () => new Promise<never>(() => {}),
    },
    scope,
  );
}

const crashMessage = 'The test worker stopped.';

describe('worker-rpc', () => {
  it('answers each request with its own reply, in any order', async () => {
    const { worker, scope } = fakeWorker();
    serveTest(scope);
    const client = connect<TestCalls>(worker, { crashMessage });
    await expect(Promise.all([client.call('double', 2), client.call('double', 21)])).resolves.toEqual([4, 42]);
  });

  it('delivers progress events before the reply', async () => {
    const { worker, scope } = fakeWorker();
    serveTest(scope);
    const client = connect<TestCalls>(worker, { crashMessage });
    const seen: number[] = [];
    const reply = await client.call('count', 3, (n) => seen.push(n));
    expect(seen).toEqual([1, 2, 3]);
    expect(reply).toBe('counted 3');
  });

  it('rejects with a WorkerError carrying the code and message a handler threw', async () => {
    const { worker, scope } = fakeWorker();
    serveTest(scope);
    const client = connect<TestCalls>(worker, { crashMessage });
    const error = await client.call('refuse', 'bad file').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerError);
    expect(error).toMatchObject({ code: 'refused', message: 'Refused: bad file' });
    // Any other throw is code `failed`, and the worker keeps serving.
    await expect(client.call('explode', null)).rejects.toMatchObject({ code: 'failed' });
    await expect(client.call('double', 5)).resolves.toBe(10);
  });

  it('rejects every waiting call with code `crashed` when the worker crashes, and later calls too', async () => {
    const { worker, scope, crash } = fakeWorker();
    serveTest(scope);
    const client = connect<TestCalls>(worker, { crashMessage });
    const waiting = client.call('hang', null);
    crash();
    await expect(waiting).rejects.toEqual(new WorkerError(crashMessage, 'crashed'));
    await expect(waiting).rejects.toBeInstanceOf(WorkerError);
    expect(worker.terminated).toBe(true);
    await expect(client.call('double', 1)).rejects.toMatchObject({ code: 'crashed' });
  });

  it('a one-shot call ends its worker once answered, and `cancel` rejects with `cancelled`', async () => {
    const first = fakeWorker();
    serveTest(first.scope);
    const job = callOnce<TestCalls, 'double'>(() => first.worker, { crashMessage }, 'double', 4);
    await expect(job.result).resolves.toBe(8);
    await expect.poll(() => first.worker.terminated).toBe(true);

    const second = fakeWorker();
    serveTest(second.scope);
    const hanging = callOnce<TestCalls, 'hang'>(() => second.worker, { crashMessage }, 'hang', null);
    hanging.cancel();
    await expect(hanging.result).rejects.toMatchObject({ code: 'cancelled' });
    expect(second.worker.terminated).toBe(true);
  });

  it('a worker that cannot be constructed rejects like a crash', async () => {
    const job = callOnce<TestCalls, 'double'>(
      () => {
        throw new DOMException('blocked', 'SecurityError');
      },
      { crashMessage },
      'double',
      1,
    );
    await expect(job.result).rejects.toEqual(new WorkerError(crashMessage, 'crashed'));
  });
});
