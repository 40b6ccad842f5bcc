import { afterEach, expect, test, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/lib/review-log/constants.ts';
import { replayLog } from '../../src/lib/srs/replay.ts';
import { logFingerprint, restoreOrReplay } from '../../src/lib/srs/replay-cache.ts';
import { createScheduler, Rating } from '../../src/lib/srs/scheduler.ts';
import { entry } from '../fixtures/review/entries.ts';
import { FITTED_W } from '../fixtures/srs/fitted.ts';

const T0 = Date.UTC(2026, 0, 5, 10);
const DAY = 86_400_000;
const log = [entry('a', Rating.Good, T0), entry('a', Rating.Good, T0 + 600_000), entry('a', Rating.Good, T0 + DAY)];
const fitted = { ...DEFAULT_SETTINGS, parameters: FITTED_W };

afterEach(() => {
  vi.doUnmock('ts-fsrs');
  vi.resetModules();
});

test('fitted parameters change the replay key, so the states replayed with the defaults are not reused', () => {
  const defaults = createScheduler(DEFAULT_SETTINGS);
  const cached = { fingerprint: logFingerprint(log, DEFAULT_SETTINGS), states: [...replayLog(defaults, log)] };
  expect(logFingerprint(log, fitted)).not.toBe(cached.fingerprint);

  const restored = restoreOrReplay(createScheduler(fitted), log, fitted, cached);
  expect(restored.reused).toBe(false);
  // Pinned dates, as ts-fsrs's own tests pin them: the defaults put the card on Jan 12, the fitted weights on Jan 18.
  expect(cached.states[0]?.[1].card.due.toISOString()).toBe('2026-01-12T10:00:00.000Z');
  expect(restored.states.get('a')?.card.due.toISOString()).toBe('2026-01-18T10:00:00.000Z');
});

test('every other input of the scheduler is in the key: retention, maximum interval, each weight', () => {
  const base = logFingerprint(log, fitted);
  expect(logFingerprint(log, { ...fitted, desiredRetention: 0.85 })).not.toBe(base);
  expect(logFingerprint(log, { ...fitted, maximumInterval: 365 })).not.toBe(base);
  const changed = (i: number, by: (w: number) => number) => FITTED_W.map((w, j) => (j === i ? by(w) : w));
  for (const i of [0, 10, 20])
    expect(logFingerprint(log, { ...fitted, parameters: changed(i, (w) => w * 0.9) })).not.toBe(base);
  // The key is of the weights the engine uses: a w[20] over ts-fsrs's bound of 0.8 is clipped to it, same replay.
  expect(logFingerprint(log, { ...fitted, parameters: changed(20, () => 0.95) })).toBe(base);
  // Settings that do not reach the scheduler leave it alone, so the cache survives them.
  const fewerNew = { ...fitted, newPerDay: 3 };
  expect(logFingerprint(log, fewerNew)).toBe(base);
});

test('a new ts-fsrs version changes the key, so its states are replayed afresh', async () => {
  const before = logFingerprint(log, DEFAULT_SETTINGS);
  vi.resetModules();
  vi.doMock('ts-fsrs', async (original) => ({
    ...(await original<typeof import('ts-fsrs')>()),
    FSRSVersion: 'v99.0.0 using FSRS-7.0',
  }));
  const bumped = await import('../../src/lib/srs/log-fingerprint.ts');
  expect(bumped.logFingerprint(log, DEFAULT_SETTINGS)).not.toBe(before);
});
