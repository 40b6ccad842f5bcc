import { activeDrillSchema, drillRecordSchema, type ActiveDrill, type DrillRecord } from './schema.ts';

/**
 * Drill state in localStorage: small, synchronous (notes are saved on every
 * keystroke without a flurry of async writes) and available offline. Anything
 * unreadable is treated as absent rather than breaking the page.
 */

export const ACTIVE_KEY = 'vibe-check:drill:active';
export const HISTORY_KEY = 'vibe-check:drill:history';

function read(key: string): unknown {
  try {
    const text = localStorage.getItem(key);
    return text === null ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}

/** False when storage is unavailable or full: the drill still runs, it just won't survive a reload. */
function write(key: string, value: unknown): boolean {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function loadActiveDrill(): ActiveDrill | null {
  const parsed = activeDrillSchema.safeParse(read(ACTIVE_KEY));
  return parsed.success ? parsed.data : null;
}

/** Which stored drill a tab's change is based on: its id and revision, or null for "no drill". */
export type DrillVersion = { id: string; revision: number } | null;

export function versionOf(drill: ActiveDrill | null): DrillVersion {
  return drill ? { id: drill.id, revision: drill.revision ?? 0 } : null;
}

function sameVersion(a: DrillVersion, b: DrillVersion): boolean {
  return a === null || b === null ? a === b : a.id === b.id && a.revision === b.revision;
}

export type DrillSaveOutcome =
  /** Written; `drill` carries its new revision. */
  | { kind: 'saved'; drill: ActiveDrill | null }
  /** Another tab changed the drill since `base`: nothing was written, `current` is what storage holds. */
  | { kind: 'stale'; current: ActiveDrill | null }
  /** Storage is unavailable or full: the drill goes on in this tab only. */
  | { kind: 'unavailable' };

/**
 * Compare-and-set: writes `next` only if storage still holds `base`. localStorage
 * is synchronous and shared by the tabs of an origin, so the read and the write
 * below cannot interleave with another tab's in the same origin's event loop.
 */
export function saveActiveDrillIfCurrent(next: ActiveDrill | null, base: DrillVersion): DrillSaveOutcome {
  let text: string | null;
  try {
    text = localStorage.getItem(ACTIVE_KEY);
  } catch {
    return { kind: 'unavailable' };
  }
  let stored: ActiveDrill | null = null;
  try {
    const parsed = activeDrillSchema.safeParse(text === null ? null : JSON.parse(text));
    stored = parsed.success ? parsed.data : null;
  } catch {
    // Unreadable text is treated as no drill, as loadActiveDrill does.
  }
  if (!sameVersion(versionOf(stored), base)) return { kind: 'stale', current: stored };
  const saved = next ? { ...next, revision: (stored?.revision ?? 0) + 1 } : null;
  return write(ACTIVE_KEY, saved) ? { kind: 'saved', drill: saved } : { kind: 'unavailable' };
}

export function loadDrillHistory(): DrillRecord[] {
  const raw = read(HISTORY_KEY);
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item: unknown) => {
    const parsed = drillRecordSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Adds or replaces records by id (so importing the same file twice changes nothing), oldest first. */
export function mergeDrillHistory(current: readonly DrillRecord[], incoming: readonly DrillRecord[]): DrillRecord[] {
  const byId = new Map(current.map((r) => [r.id, r]));
  for (const record of incoming) byId.set(record.id, record);
  return [...byId.values()].sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1));
}

export function saveDrillHistory(records: readonly DrillRecord[]): boolean {
  return write(HISTORY_KEY, records);
}

/**
 * Writes `records` as the drill history and returns how to put back what it
 * replaced (an import writes its drills before its log, and undoes them if the
 * log then fails). Null when storage is full or unavailable: nothing was changed.
 */
export function replaceDrillHistory(records: readonly DrillRecord[]): { restore(): void } | null {
  let previous: string | null;
  try {
    previous = localStorage.getItem(HISTORY_KEY);
  } catch {
    return null;
  }
  if (!write(HISTORY_KEY, records)) return null;
  return {
    restore() {
      try {
        if (previous === null) localStorage.removeItem(HISTORY_KEY);
        else localStorage.setItem(HISTORY_KEY, previous);
      } catch {
        // The text it replaced was stored before, so it fits again; a storage that vanished meanwhile keeps nothing anyway.
      }
    },
  };
}
