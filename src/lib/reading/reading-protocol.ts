import type { ReviewEntry } from '../progress/schema.ts';
import type { Grade } from '../srs/scheduler.ts';
import type { CardMemory } from './memory.ts';
import type { PromptCard } from './reading-grader.ts';

// What the guide's page asks its two workers. Times come from the page (`now`), whose clock is the
// one the reader (and a test's pinned clock) sees.

/** `grading-worker.ts`: in-place grades, loaded on the first reveal. */
export type GradingCalls = {
  show: { request: { cards: PromptCard[]; now: number }; reply: { token: number } };
  grade: {
    request: { token: number; grade: Grade; now: number };
    /** `next`: when the prompt comes up again, in words ("in 10 minutes", "tomorrow"). */
    reply: { outcome: 'rated' | 'already-rated'; entries: ReviewEntry[]; next: string };
  };
  undo: { request: { entries: ReviewEntry[] }; reply: null };
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
