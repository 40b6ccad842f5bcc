import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildProgressFile, parseProgressFile, progressFileName } from '../../src/lib/progress-file/file.ts';
import { DEFAULT_SETTINGS } from '../../src/lib/review-log/schema.ts';
import { at, entry, mark } from '../fixtures/review/entries.ts';

const T0 = Date.UTC(2026, 0, 5, 10);
const NOW = T0 + 86_400_000;
const fixtures = join(import.meta.dirname, '..', 'fixtures', 'review');
const good = buildProgressFile([entry('b', 3, T0 + 1), entry('a', 4, T0)], { ...DEFAULT_SETTINGS }, T0 + 2);
const withChange = (change: (file: Record<string, unknown>) => void): string => {
  const copy = structuredClone(good) as unknown as Record<string, unknown>;
  change(copy);
  return JSON.stringify(copy);
};

test('an export round-trips, its log in time order', () => {
  const parsed = parseProgressFile(JSON.stringify(good), NOW);
  expect(parsed).toEqual({ ok: true, file: good, clamped: 0, maxAheadMs: 0 });
  expect(good.log.map((e) => e.cardId)).toEqual(['a', 'b']);
  expect(good.format).toBe('vibe-check-progress');
  expect(good.schemaVersion).toBe(2);
  expect(good).not.toHaveProperty('marks');
});

test('suspensions and burials round-trip, in time order', () => {
  const marks = [mark('bury', 'b', T0 + 5), mark('suspend', 'a', T0 + 3)];
  const file = buildProgressFile(good.log, { ...DEFAULT_SETTINGS }, T0 + 9, [], marks);
  expect(file.marks?.map((m) => m.cardId)).toEqual(['a', 'b']);
  expect(parseProgressFile(JSON.stringify(file), NOW)).toEqual({ ok: true, file, clamped: 0, maxAheadMs: 0 });
});

test('the interview date and fitted FSRS parameters travel in the file; a bad parameter list is refused', () => {
  const parameters = Array.from({ length: 21 }, (_, i) => 0.1 + i / 10);
  const settings = {
    ...DEFAULT_SETTINGS,
    interview: { at: NOW + 14 * 86_400_000, minutesPerDay: 30, marginDays: 3 },
    parameters,
  };
  const file = buildProgressFile(good.log, settings, T0 + 9);
  expect(parseProgressFile(JSON.stringify(file), NOW)).toEqual({ ok: true, file, clamped: 0, maxAheadMs: 0 });
  const short = { ...file, settings: { ...settings, parameters: parameters.slice(0, 19) } };
  expect(parseProgressFile(JSON.stringify(short), NOW)).toMatchObject({
    ok: false,
    message: expect.stringMatching(/settings\.parameters/u),
  });
});

test('a version 1 file (before suspensions) still imports, with no marks', () => {
  const v1 = withChange((f) => (f['schemaVersion'] = 1));
  const parsed = parseProgressFile(v1, NOW);
  expect(parsed).toMatchObject({ ok: true, file: { schemaVersion: 1, log: good.log } });
  expect(parsed.ok && parsed.file.marks).toBeUndefined();
});

test('a mark dated far ahead of this clock is dated to the import', () => {
  const ahead = buildProgressFile([], { ...DEFAULT_SETTINGS }, T0, [], [mark('bury', 'a', NOW + 3 * 86_400_000)]);
  const parsed = parseProgressFile(JSON.stringify(ahead), NOW);
  expect(parsed.ok && parsed.file.marks?.[0]?.at).toBe(NOW);
});

test('the file name carries the local date', () => {
  expect(progressFileName(new Date(2026, 0, 5, 12).getTime())).toBe('vibe-check-progress-2026-01-05.json');
});

test('the guides opened travel in the file; a file without them (older) still imports', () => {
  const visits = { '/phases/constraints/': T0 + 1, '/phases/design/': T0 + 2 };
  const file = buildProgressFile(good.log, { ...DEFAULT_SETTINGS }, T0 + 9, [], [], visits);
  expect(file.visits).toEqual(visits);
  expect(parseProgressFile(JSON.stringify(file), NOW)).toEqual({ ok: true, file, clamped: 0, maxAheadMs: 0 });
  expect(buildProgressFile(good.log, { ...DEFAULT_SETTINGS }, T0 + 9)).not.toHaveProperty('visits');
  const parsed = parseProgressFile(JSON.stringify(good), NOW);
  expect(parsed.ok && parsed.file.visits).toBeUndefined();
});

describe('every bad file is refused with a message that says why', () => {
  const cases: [string, string, RegExp][] = [
    ['not JSON', '{"format": "vibe-check-progress", "log": [', /not valid JSON/],
    ['empty file', '', /not valid JSON/],
    ['a JSON array', '[]', /not a Vibe Check progress file/],
    ['JSON null', 'null', /not a Vibe Check progress file/],
    ['another app’s JSON', '{"version":1,"cards":[]}', /not a Vibe Check progress file/],
    ['a wrong format name', withChange((f) => (f['format'] = 'anki-progress')), /not a Vibe Check progress file/],
    [
      'a future schema version',
      withChange((f) => (f['schemaVersion'] = 3)),
      /newer version of Vibe Check \(data version 3; this page reads up to 2\)/,
    ],
    [
      'a mark of an unknown kind',
      withChange((f) => (f['marks'] = [{ id: 'mark-000001', kind: 'hide', cardId: 'a', at: T0 }])),
      /damaged at marks\.0\.kind/,
    ],
    [
      'a mark without a card',
      withChange((f) => (f['marks'] = [{ id: 'mark-000001', kind: 'bury', at: T0 }])),
      /damaged at marks\.0\.cardId/,
    ],
    [
      'a visit to a page that is not site-relative',
      withChange((f) => (f['visits'] = { 'https://example.com/': T0 })),
      /damaged at visits/,
    ],
    [
      'a visit without a valid time',
      withChange((f) => (f['visits'] = { '/phases/design/': 'x' })),
      /damaged at visits/,
    ],
    ['a missing schema version', withChange((f) => delete f['schemaVersion']), /damaged at schemaVersion/],
    ['a schema version of 0', withChange((f) => (f['schemaVersion'] = 0)), /damaged at schemaVersion/],
    ['a log that is not a list', withChange((f) => (f['log'] = {})), /damaged at log/],
    [
      'a rating out of range',
      withChange((f) => (at(f['log'] as Record<string, unknown>[], 0)['rating'] = 5)),
      /damaged at log\.0\.rating/,
    ],
    [
      'a fractional time',
      withChange((f) => (at(f['log'] as Record<string, unknown>[], 1)['reviewedAt'] = 1.5)),
      /damaged at log\.1\.reviewedAt/,
    ],
    [
      'a missing card id',
      withChange((f) => delete at(f['log'] as Record<string, unknown>[], 0)['cardId']),
      /damaged at log\.0\.cardId/,
    ],
    [
      'an unknown entry field',
      withChange((f) => (at(f['log'] as Record<string, unknown>[], 0)['extra'] = 1)),
      /damaged at log\.0/,
    ],
    [
      'a bad hash',
      withChange((f) => (at(f['log'] as Record<string, unknown>[], 0)['cardHash'] = 'xyz')),
      /damaged at log\.0\.cardHash/,
    ],
    [
      'a retention outside 0.80–0.97',
      withChange((f) => ((f['settings'] as Record<string, unknown>)['desiredRetention'] = 0.99)),
      /damaged at settings\.desiredRetention/,
    ],
    ['missing settings', withChange((f) => delete f['settings']), /damaged at settings/],
  ];
  for (const [name, text, message] of cases) {
    test(name, () => {
      const result = parseProgressFile(text, NOW);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.message).toMatch(message);
        expect(result.message).toMatch(/Nothing was changed\.$/);
      }
    });
  }

  test('the e2e fixtures are refused for the reasons their names give', () => {
    const read = (name: string) => parseProgressFile(readFileSync(join(fixtures, name), 'utf8'), NOW);
    expect(read('corrupt.json')).toMatchObject({ ok: false, message: expect.stringMatching(/not valid JSON/) });
    expect(read('foreign.json')).toMatchObject({ ok: false, message: expect.stringMatching(/not a Vibe Check/) });
    expect(read('future-version.json')).toMatchObject({ ok: false, message: expect.stringMatching(/newer version/) });
    expect(read('damaged-entry.json')).toMatchObject({ ok: false, message: expect.stringMatching(/log\.0\.rating/) });
  });
});

describe('times are checked where a file enters', () => {
  const file = (log: unknown[]) => JSON.stringify({ ...good, log });
  const base = { cardId: 'a', rating: 3, cardHash: '0123456789abcdef' };

  test('a reviewedAt beyond the range of dates (8.7e15) is refused with its position', () => {
    const result = parseProgressFile(
      file([
        { ...base, id: 'entry-aaaa', reviewedAt: T0 },
        { ...base, id: 'entry-bbbb', reviewedAt: 8.7e15 },
      ]),
      NOW,
    );
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringMatching(/damaged at log\.1\.reviewedAt \(review 2\): the time is not a valid date/),
    });
  });

  test('a reset one hour ahead is dated to the time of reading, and the file says how far ahead it was', () => {
    const result = parseProgressFile(
      file([{ ...base, id: 'entry-aaaa', rating: 0, reviewedAt: NOW + 3_600_000 }]),
      NOW,
    );
    expect(result).toMatchObject({ ok: true, clamped: 1, maxAheadMs: 3_600_000 });
    if (result.ok) expect(result.file.log[0]?.reviewedAt).toBe(NOW);
  });

  test('a few minutes of clock skew are accepted as they are', () => {
    const result = parseProgressFile(file([{ ...base, id: 'entry-aaaa', reviewedAt: NOW + 4 * 60_000 }]), NOW);
    expect(result).toMatchObject({ ok: true, clamped: 0 });
    if (result.ok) expect(result.file.log[0]?.reviewedAt).toBe(NOW + 4 * 60_000);
  });
});
