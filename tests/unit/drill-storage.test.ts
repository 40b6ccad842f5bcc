import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActiveDrill } from '../../src/lib/drill/schema.ts';
import { ACTIVE_KEY, loadActiveDrill, saveActiveDrillIfCurrent, versionOf } from '../../src/lib/drill/storage.ts';

/** The part of localStorage the drill uses, shared as two tabs of one origin share it. */
class MemoryStorage {
  readonly items = new Map<string, string>();
  full = false;
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.full) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const drill = (overrides: Partial<ActiveDrill> = {}): ActiveDrill => ({
  id: 'drill-1',
  promptId: 'prompts/fraud-detection',
  format: 45,
  startedAt: Date.UTC(2026, 0, 31, 10),
  phaseEndedAt: [],
  notes: ['', '', '', '', ''],
  hintsShown: [0, 0, 0, 0, 0],
  ...overrides,
});

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
});
afterEach(() => {
  Reflect.deleteProperty(globalThis, 'localStorage');
});

describe('saving the running drill from two tabs', () => {
  it('each save bumps the revision; a save based on an older revision is refused and returns the newer drill', () => {
    const started = saveActiveDrillIfCurrent(drill(), null);
    expect(started).toMatchObject({ kind: 'saved', drill: { revision: 1 } });
    const base = versionOf(loadActiveDrill());
    // Tab A moves to phase 2 and writes notes.
    const a = saveActiveDrillIfCurrent(drill({ phaseEndedAt: [Date.UTC(2026, 0, 31, 10, 4)] }), base);
    expect(a).toMatchObject({ kind: 'saved', drill: { revision: 2 } });
    // Tab B, still on revision 1, types a key.
    const b = saveActiveDrillIfCurrent(drill({ notes: ['x', '', '', '', ''] }), base);
    expect(b).toMatchObject({ kind: 'stale', current: { revision: 2, phaseEndedAt: [Date.UTC(2026, 0, 31, 10, 4)] } });
    expect(loadActiveDrill()?.notes[0]).toBe('');
  });

  it('a drill ended in one tab cannot be brought back by a stale tab', () => {
    saveActiveDrillIfCurrent(drill(), null);
    const base = versionOf(loadActiveDrill());
    expect(saveActiveDrillIfCurrent(null, base)).toEqual({ kind: 'saved', drill: null });
    expect(saveActiveDrillIfCurrent(drill({ notes: ['late', '', '', '', ''] }), base)).toEqual({
      kind: 'stale',
      current: null,
    });
    expect(storage.getItem(ACTIVE_KEY)).toBeNull();
  });

  it('a drill saved before revisions existed counts as revision 0', () => {
    storage.setItem(ACTIVE_KEY, JSON.stringify(drill()));
    const base = versionOf(loadActiveDrill());
    expect(base).toEqual({ id: 'drill-1', revision: 0 });
    expect(saveActiveDrillIfCurrent(drill(), base)).toMatchObject({ kind: 'saved', drill: { revision: 1 } });
  });

  it('full storage is reported, not mistaken for another tab’s change', () => {
    storage.full = true;
    expect(saveActiveDrillIfCurrent(drill(), null)).toEqual({ kind: 'unavailable' });
  });
});
