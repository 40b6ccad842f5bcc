import { expect, test } from 'vitest';
import { buildProgressFile, parseProgressFile } from '../../src/lib/progress-file/file.ts';
import { mergeLogs } from '../../src/lib/review-log/merge.ts';
import { DEFAULT_SETTINGS } from '../../src/lib/review-log/schema.ts';
import { replayLog } from '../../src/lib/srs/replay.ts';
import { createScheduler } from '../../src/lib/srs/scheduler.ts';
import { reviewCounts } from '../../src/lib/srs/stats.ts';
import { entry } from '../fixtures/review/entries.ts';

// Ratings made while reading a guide carry `source: 'reading'`; every other part of the log treats them alike.
const T0 = Date.UTC(2026, 0, 5, 10);
const NOW = T0 + 86_400_000;
const fromGuide = entry('card-a', 3, T0, { source: 'reading' });
const fromReview = entry('card-a', 3, T0 + 600_000);

test('an export keeps where each rating was made, and importing it gives the same log back', () => {
  const text = JSON.stringify(buildProgressFile([fromReview, fromGuide], { ...DEFAULT_SETTINGS }, T0 + 1));
  const parsed = parseProgressFile(text, NOW);
  expect(parsed.ok && parsed.file.log).toEqual([fromGuide, fromReview]);
});

test('a file written before guides could grade (no source anywhere) still imports', () => {
  const old = {
    format: 'vibe-check-progress',
    schemaVersion: 1,
    exportedAt: T0,
    settings: DEFAULT_SETTINGS,
    log: [fromReview],
  };
  const parsed = parseProgressFile(JSON.stringify(old), NOW);
  expect(parsed.ok).toBe(true);
});

test('an unknown source is refused with the place it is at, and nothing is imported', () => {
  const bad = buildProgressFile([{ ...fromGuide, source: 'dream' as 'reading' }], { ...DEFAULT_SETTINGS }, T0);
  const parsed = parseProgressFile(JSON.stringify(bad), NOW);
  expect(parsed).toMatchObject({ ok: false });
  expect(!parsed.ok && parsed.message).toMatch(/damaged at log\.0\.source \(review 1\)/u);
});

test('merge keeps the source, and two copies of one id that differ only in source resolve the same way in any order', () => {
  const { source, ...stripped } = fromGuide;
  expect(source).toBe('reading');
  const left = mergeLogs([fromGuide], [stripped]).merged;
  const right = mergeLogs([stripped], [fromGuide]).merged;
  expect(left).toEqual(right);
  expect(mergeLogs([], [fromGuide, fromReview]).merged).toContainEqual(fromGuide);
});

test('a rating made while reading schedules exactly like one made in /review/', () => {
  const scheduler = createScheduler(DEFAULT_SETTINGS);
  const reading = replayLog(scheduler, [fromGuide]).get('card-a');
  const review = replayLog(scheduler, [{ ...fromGuide, source: undefined }]).get('card-a');
  expect(reading?.card.due).toEqual(review?.card.due);
  expect(reading?.introducedAt).toBe(T0);
});

test('stats count ratings made while reading, apart and in the total', () => {
  expect(reviewCounts([fromGuide, fromReview])).toEqual({ total: 2, whileReading: 1 });
});
