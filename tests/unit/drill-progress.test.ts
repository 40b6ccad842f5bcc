import { describe, expect, it } from 'vitest';
import type { DrillRecord } from '../../src/lib/drill/schema.ts';
import { mergeDrillHistory } from '../../src/lib/drill/storage.ts';
import { buildProgressFile, parseProgressFile } from '../../src/lib/progress-file/file.ts';
import { DEFAULT_SETTINGS } from '../../src/lib/review-log/schema.ts';

const T0 = Date.UTC(2026, 0, 31, 10, 0, 0);
const NOW = T0 + 86_400_000;
const drill = (id: string, startedAt: number, scores = [3, 2, 1, 4, 3]): DrillRecord => ({
  id,
  promptId: 'prompts/fraud-detection',
  promptTitle: 'Card fraud detection',
  format: 45,
  startedAt,
  phaseMs: [240_000, 360_000, 300_000, 1_320_000, 300_000],
  scores,
  archetypes: ['archetypes/deer-in-headlights'],
  questionsCovered: 3,
  questionCount: 12,
});
const entry = { id: 'entry-0001', cardId: 'card-a', rating: 3, reviewedAt: T0, cardHash: '0123456789abcdef' };

describe('drills in the progress file (optional, additive)', () => {
  it('still reads a file from before drill mode, without a drills field', () => {
    const old = JSON.stringify(buildProgressFile([entry], { ...DEFAULT_SETTINGS }, T0));
    expect(old).not.toContain('drills');
    const result = parseProgressFile(old, NOW);
    expect(result.ok).toBe(true);
    expect(result.ok && result.file.drills).toBeUndefined();
  });

  it('round-trips the drill history through export and import', () => {
    const drills = [drill('d1', T0), drill('d2', T0 + 86_400_000)];
    const text = JSON.stringify(buildProgressFile([entry], { ...DEFAULT_SETTINGS }, T0, drills));
    const result = parseProgressFile(text, NOW);
    expect(result.ok && result.file.drills).toEqual(drills);
  });

  it('refuses a file whose drill record is damaged, naming where', () => {
    const file = buildProgressFile([entry], { ...DEFAULT_SETTINGS }, T0, [drill('d1', T0, [3, 5, 3, 3, 3])]);
    const result = parseProgressFile(JSON.stringify(file), NOW);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/damaged at drills\.0\.scores\.1/);
  });

  it('merges drill histories by id, oldest first, so importing twice changes nothing', () => {
    const mine = [drill('d2', T0 + 2), drill('d1', T0)];
    const theirs = [drill('d3', T0 + 1), drill('d1', T0)];
    const once = mergeDrillHistory(mine, theirs);
    expect(once.map((d) => d.id)).toEqual(['d1', 'd3', 'd2']);
    expect(mergeDrillHistory(once, theirs)).toEqual(once);
  });
});
