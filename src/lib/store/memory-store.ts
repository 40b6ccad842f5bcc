import {
  DEFAULT_SETTINGS,
  type GuideVisits,
  type MarkEntry,
  type ReviewEntry,
  type ReviewSettings,
} from '../review-log/schema.ts';
import type { ImportResult } from './import-log.ts';
import {
  answeredElsewhere,
  type AppendGuard,
  type AppendResult,
  type BatchResult,
  type LoadedProgress,
  type LogBatch,
  type ProgressStore,
} from './progress-types.ts';
import { stampBatch } from './stamps.ts';

/** Keeps progress for this page only. */
export class MemoryProgressStore implements ProgressStore {
  readonly persistent = false;
  readonly #log = new Map<string, ReviewEntry>();
  readonly #marks = new Map<string, MarkEntry>();
  #visits: GuideVisits = {};
  #settings: ReviewSettings;

  constructor(
    entries: readonly ReviewEntry[] = [],
    settings: ReviewSettings = { ...DEFAULT_SETTINGS },
    marks: readonly MarkEntry[] = [],
  ) {
    for (const entry of entries) this.#log.set(entry.id, entry);
    for (const mark of marks) this.#marks.set(mark.id, mark);
    this.#settings = settings;
  }

  async load(): Promise<LoadedProgress> {
    return {
      entries: [...this.#log.values()],
      invalid: 0,
      unreadable: 0,
      unreadableCards: [],
      settings: this.#settings,
      marks: [...this.#marks.values()],
    };
  }

  async append(entry: ReviewEntry, guard?: AppendGuard): Promise<AppendResult> {
    if (guard && [...this.#log.values()].some((e) => e.cardId === entry.cardId && answeredElsewhere(e, guard))) {
      return 'already-rated';
    }
    this.#log.set(entry.id, entry);
    return 'added';
  }

  async remove(id: string): Promise<void> {
    this.#log.delete(id);
  }

  async appendBatch(batch: LogBatch, guards?: ReadonlyMap<string, AppendGuard>): Promise<BatchResult> {
    const entriesOf = (cardId: string) => [...this.#log.values()].filter((e) => e.cardId === cardId);
    for (const [cardId, guard] of guards ?? []) {
      if (entriesOf(cardId).some((e) => answeredElsewhere(e, guard))) return { result: 'already-rated' };
    }
    const dated = stampBatch(batch, entriesOf, (cardId) =>
      [...this.#marks.values()].filter((mark) => mark.cardId === cardId),
    );
    for (const entry of dated.entries) this.#log.set(entry.id, entry);
    for (const mark of dated.marks) this.#marks.set(mark.id, mark);
    return { result: 'added', batch: dated };
  }

  async removeBatch(batch: LogBatch): Promise<void> {
    for (const entry of batch.entries) this.#log.delete(entry.id);
    for (const mark of batch.marks) this.#marks.delete(mark.id);
  }

  async saveSettings(settings: ReviewSettings): Promise<void> {
    this.#settings = settings;
  }

  async loadSettings(): Promise<ReviewSettings> {
    return this.#settings;
  }

  async loadVisits(): Promise<ReadonlySet<string>> {
    return new Set(Object.keys(this.#visits));
  }

  async loadVisitTimes(): Promise<GuideVisits> {
    return { ...this.#visits };
  }

  async loadMarks(): Promise<MarkEntry[]> {
    return [...this.#marks.values()];
  }

  async loadSnapshot(): Promise<unknown> {
    return undefined;
  }

  async saveSnapshot(): Promise<void> {
    // Nothing survives the tab anyway.
  }

  async entriesForCard(cardId: string): Promise<ReviewEntry[]> {
    return [...this.#log.values()].filter((e) => e.cardId === cardId);
  }

  async importLog(
    entries: readonly ReviewEntry[],
    mode: 'merge' | 'replace',
    settings?: ReviewSettings,
    marks: readonly MarkEntry[] = [],
    visits?: Readonly<GuideVisits>,
  ): Promise<ImportResult> {
    const [{ mergeLogs }, { mergeMarks }, { mergeVisits }] = await Promise.all([
      import('../review-log/merge.ts'),
      import('../review-log/merge-marks.ts'),
      import('../review-log/merge-visits.ts'),
    ]);
    this.#visits = mergeVisits(mode === 'replace' ? {} : this.#visits, visits ?? {});
    const plan = mergeLogs(mode === 'replace' ? [] : [...this.#log.values()], entries);
    const merged = mergeMarks(mode === 'replace' ? [] : [...this.#marks.values()], marks).merged;
    this.#marks.clear();
    for (const mark of merged) this.#marks.set(mark.id, mark);
    this.#log.clear();
    for (const entry of plan.merged) this.#log.set(entry.id, entry);
    if (mode === 'replace' && settings) this.#settings = settings;
    return { added: plan.added.length, total: this.#log.size };
  }
}
