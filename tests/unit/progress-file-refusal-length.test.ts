import { describe, expect, test } from 'vitest';
import { buildProgressFile, parseProgressFile } from '../../src/lib/progress-file/file.ts';
import { DEFAULT_SETTINGS } from '../../src/lib/review-log/schema.ts';
import { entry } from '../fixtures/review/entries.ts';

// A refusal quotes what is wrong, but never more than a few dozen characters of any key or value:
// a 1 MB key once came back whole in the message (a page 440,076 px tall).

const T0 = Date.UTC(2026, 0, 5, 10);
const NOW = T0 + 86_400_000;
const good = buildProgressFile([entry('a', 3, T0)], { ...DEFAULT_SETTINGS }, T0 + 2);
const huge = 'k'.repeat(1_000_000);
const withChange = (change: (file: Record<string, unknown>) => void): string => {
  const copy = structuredClone(good) as unknown as Record<string, unknown>;
  change(copy);
  return JSON.stringify(copy);
};

describe('a refusal quotes at most a few dozen characters of a bad key or value', () => {
  test.each([
    ['an unknown top-level key', withChange((f) => (f[huge] = 1))],
    ['a visit under a huge key with a bad time', withChange((f) => (f['visits'] = { [huge]: -1 }))],
    ['an unknown key in the settings', withChange((f) => ((f['settings'] as Record<string, unknown>)[huge] = true))],
    [
      'an unknown key in a review',
      withChange((f) => ((f['log'] as Record<string, unknown>[])[0] = { ...good.log[0], [huge]: 1 })),
    ],
    [
      'a huge card id of the wrong type in a review',
      withChange((f) => ((f['log'] as unknown[])[0] = { [huge]: huge })),
    ],
  ])('%s', (_name, text) => {
    const result = parseProgressFile(text, NOW);
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.message;
    expect(message).toMatch(/damaged/u);
    expect(message).toMatch(/Nothing was changed\.$/u);
    expect(message.length).toBeLessThan(400);
  });
});
