import type { MarkEntry, MarkKind, ReviewEntry } from '../review-log/schema.ts';
import type { Grade } from '../srs/scheduler.ts';
import type { CardMemory } from './memory.ts';
import type { PromptCard } from './reading-grader.ts';

// What the guide's page asks its two workers. Times come from the page (`now`), whose clock is the
// one the reader (and a test's pinned clock) sees. Every write answers `saved`: true only when it
// reached IndexedDB (the worker carries on in memory when it cannot), so the prompt never says
// "saved" when it is not.

/** `grading-worker.ts`: in-place grades, loaded on the first reveal. */
export type GradingCalls = {
  /** `suspended`: a card of the prompt is suspended, so it offers Unsuspend instead of grades. */
  show: { request: { cards: PromptCard[]; now: number }; reply: { token: number; suspended: boolean } };
  grade: {
    request: { token: number; grade: Grade; now: number };
    /** `next`: when the prompt comes up again, in words ("in 10 minutes", "tomorrow"). */
    reply: { outcome: 'rated' | 'already-rated'; entries: ReviewEntry[]; next: string; saved: boolean };
  };
  undo: { request: { entries: ReviewEntry[] }; reply: { saved: boolean } };
  /** Suspend, unsuspend or bury the prompt's cards; `marks`: those appended (none when nothing changed). */
  hold: {
    request: { cards: PromptCard[]; kind: MarkKind; now: number };
    reply: { marks: MarkEntry[]; saved: boolean };
  };
  unhold: { request: { marks: MarkEntry[] }; reply: { saved: boolean } };
  'save-replay': { request: null; reply: null };
};

/** `memory-worker.ts`: the overlay's data, loaded when the browser is idle. */
export type MemoryCalls = {
  memory: {
    request: { page: string; cardIds: string[]; now: number };
    /** `memories` per card id (null: no progress on this page); `stale`: the stored replay needs redoing first. */
    reply: { memories: CardMemory[] | null; stale: boolean };
  };
};
