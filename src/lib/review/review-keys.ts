import { GRADES, type Grade } from '../srs/scheduler.ts';

/** The modifier state and key of a key press (a KeyboardEvent has them all). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export interface ReviewKeyState {
  /** A card is on screen. */
  hasCard: boolean;
  /** Its answer is showing. */
  revealed: boolean;
  /** Focus is on a control that acts on Space/Enter itself (a button, a link). */
  onControl: boolean;
}

export type ReviewKeyAction = { type: 'undo' } | { type: 'reveal' } | { type: 'rate'; grade: Grade } | null;

/** Anki's keys: Space/Enter shows the answer, 1–4 rate it, Ctrl/⌘+Z undoes the last rating. */
export function reviewKeyAction(press: KeyPress, state: ReviewKeyState): ReviewKeyAction {
  const command = press.ctrlKey || press.metaKey;
  if (command && !press.shiftKey && !press.altKey && press.key.toLowerCase() === 'z') return { type: 'undo' };
  if (command || press.altKey || !state.hasCard) return null;
  if (!state.revealed)
    return (press.key === ' ' || press.key === 'Enter') && !state.onControl ? { type: 'reveal' } : null;
  const grade = GRADES.find((g) => String(g) === press.key);
  return grade ? { type: 'rate', grade } : null;
}
