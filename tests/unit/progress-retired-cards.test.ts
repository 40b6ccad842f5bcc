import { describe, expect, it } from 'vitest';
import { buildProgressFile, parseProgressFile } from '../../src/lib/progress-file/file.ts';
import { mergeLogs } from '../../src/lib/review-log/merge.ts';
import { DEFAULT_SETTINGS } from '../../src/lib/review-log/schema.ts';
import { buildQueue } from '../../src/lib/srs/queue.ts';
import { replayLog } from '../../src/lib/srs/replay.ts';
import { createScheduler } from '../../src/lib/srs/scheduler.ts';
import { entry } from '../fixtures/review/entries.ts';

const T0 = Date.UTC(2026, 10, 20, 10);
const DAY = 86_400_000;
// Ids the deck no longer has: a retired template card and a retired "Why ask …?" card,
// whose question now has an application card under a new id.
const RETIRED_TELL = 'gen-archetypes-research-flexer-tell-1';
const RETIRED_WHY_ASK = 'constraints-q-p99';
const CURRENT = ['constraints-p99-not-mean', 'constraints-q-p99.ask'];

describe('review logs that mention retired cards', () => {
  const log = [entry(RETIRED_TELL, 3, T0), entry(RETIRED_WHY_ASK, 4, T0 + 1), entry(CURRENT[0] ?? '', 3, T0 + 2)];

  it('still import, and the merge keeps every entry, retired or not', () => {
    const parsed = parseProgressFile(JSON.stringify(buildProgressFile(log, { ...DEFAULT_SETTINGS }, T0 + 3)), T0 + 3);
    if (!parsed.ok) throw new Error(parsed.message);
    const plan = mergeLogs([], parsed.file.log);
    expect(plan.added.map((e) => e.cardId).sort()).toEqual([CURRENT[0], RETIRED_WHY_ASK, RETIRED_TELL].sort());
  });

  it('keep their history out of today’s queue, and a new id starts fresh instead of inheriting it', () => {
    const states = replayLog(createScheduler({ desiredRetention: 0.9, maximumInterval: 36500 }), log);
    expect(states.has(RETIRED_WHY_ASK)).toBe(true);
    const queue = buildQueue({ cardIds: CURRENT, states, now: T0 + 30 * DAY, newPerDay: 20 });
    const queued = [...queue.learning, ...queue.review, ...queue.fresh];
    expect(queued.map((item) => item.cardId).sort()).toEqual([...CURRENT].sort());
    expect(queue.fresh.map((item) => item.cardId)).toEqual(['constraints-q-p99.ask']);
  });
});
