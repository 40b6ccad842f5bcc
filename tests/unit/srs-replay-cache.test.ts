import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { expect, test } from 'vitest';
import { replayLog } from '../../src/lib/srs/replay.ts';
import { logFingerprint, restoreOrReplay } from '../../src/lib/srs/replay-cache.ts';
import { createScheduler, Rating } from '../../src/lib/srs/scheduler.ts';
import { openProgressDb } from '../../src/lib/store/db.ts';
import { IdbProgressStore } from '../../src/lib/store/progress-store.ts';
import { entry } from '../fixtures/review/entries.ts';

const options = { desiredRetention: 0.9, maximumInterval: 36500 };
const s = createScheduler(options);
const T0 = Date.UTC(2026, 0, 5, 10);
const log = [entry('a', Rating.Good, T0), entry('a', Rating.Good, T0 + 600_000), entry('b', Rating.Again, T0 + 1000)];

test('the fingerprint ignores order but not content or settings', () => {
  const base = logFingerprint(log, options);
  expect(logFingerprint([...log].reverse(), options)).toBe(base);
  expect(logFingerprint(log.slice(1), options)).not.toBe(base);
  expect(logFingerprint([{ ...log[0], rating: 4 } as (typeof log)[number], ...log.slice(1)], options)).not.toBe(base);
  expect(logFingerprint(log, { ...options, desiredRetention: 0.95 })).not.toBe(base);
});

test('a matching snapshot is reused; a stale or malformed one is replayed over', () => {
  const states = replayLog(s, log);
  const snapshot = { fingerprint: logFingerprint(log, options), states: [...states] };
  expect(restoreOrReplay(s, log, options, snapshot)).toMatchObject({ reused: true, states });
  const more = [...log, entry('c', Rating.Easy, T0 + 2000)];
  const stale = restoreOrReplay(s, more, options, snapshot);
  expect(stale.reused).toBe(false);
  expect(stale.states).toEqual(replayLog(s, more));
  expect(restoreOrReplay(s, log, options, { fingerprint: snapshot.fingerprint, states: [['a', {}]] }).reused).toBe(
    false,
  );
  expect(restoreOrReplay(s, log, options, undefined).reused).toBe(false);
});

test('a snapshot survives IndexedDB (dates included) and restores the exact replayed states', async () => {
  globalThis.indexedDB = new IDBFactory();
  const store = new IdbProgressStore(await openProgressDb());
  const states = replayLog(s, log);
  await store.saveSnapshot({ fingerprint: logFingerprint(log, options), states: [...states] });
  const restored = restoreOrReplay(s, log, options, await store.loadSnapshot());
  expect(restored.reused).toBe(true);
  expect(restored.states).toEqual(states);
});
