import { afterEach, beforeEach, expect, test } from 'vitest';
import type { DrillRecord } from '../../src/lib/drill/schema.ts';
import { HISTORY_KEY, loadDrillHistory, replaceDrillHistory } from '../../src/lib/drill/storage.ts';

// Issue 22: a replace import of 20,000 drills reported success while localStorage refused them, and
// the file's drills were lost. The import now writes the drills first and stops if they do not fit.

/** localStorage with a quota, as a browser's (about 5 MB of text per origin). */
class QuotaStorage {
  readonly items = new Map<string, string>();
  readonly quota: number;
  constructor(quota: number) {
    this.quota = quota;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    const used = [...this.items].reduce((sum, [k, v]) => sum + (k === key ? 0 : k.length + v.length), 0);
    if (used + key.length + value.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const record = (i: number): DrillRecord => ({
  id: `drill-${i}`,
  promptId: 'prompts/fraud-detection',
  promptTitle: 'Fraud detection',
  format: 45,
  startedAt: Date.UTC(2026, 0, 1) + i * 60_000,
  phaseMs: [300_000, 600_000, 900_000, 600_000, 300_000],
  scores: [3, 3, 2, 4, 3],
  archetypes: ['jumping-to-models'],
  questionsCovered: 4,
  questionCount: 6,
});

let storage: QuotaStorage;
beforeEach(() => {
  storage = new QuotaStorage(5_000_000);
  Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
});
afterEach(() => {
  Reflect.deleteProperty(globalThis, 'localStorage');
});

test('20,000 drills that do not fit are refused, and the drills stored stay as they were', () => {
  const mine = [record(1), record(2)];
  expect(replaceDrillHistory(mine)).not.toBeNull();
  const big = Array.from({ length: 20_000 }, (_, i) => record(i + 10));
  expect(JSON.stringify(big).length).toBeGreaterThan(storage.quota);
  expect(replaceDrillHistory(big)).toBeNull();
  expect(loadDrillHistory()).toEqual(mine);
});

test('a drill history that fits is written, and restore() puts back what it replaced', () => {
  const mine = [record(1)];
  replaceDrillHistory(mine);
  const staged = replaceDrillHistory([record(5), record(6)]);
  expect(loadDrillHistory().map((r) => r.id)).toEqual(['drill-5', 'drill-6']);
  staged?.restore();
  expect(loadDrillHistory()).toEqual(mine);
  // With nothing stored before, restore() leaves nothing.
  storage.items.delete(HISTORY_KEY);
  replaceDrillHistory(mine)?.restore();
  expect(storage.getItem(HISTORY_KEY)).toBeNull();
});
