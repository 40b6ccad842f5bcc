import type { KeyPress } from './review-keys.ts';
import type { MarkKind } from '../review-log/schema.ts';

/**
 * Anki's keys for the card on screen: `-` buries it until tomorrow, `@` suspends
 * it. Neither clashes with the review's own keys (Space/Enter, 1–4, Ctrl/⌘+Z).
 * Shift is allowed: `@` needs it on most layouts.
 */
export function holdKeyAction(press: KeyPress): Extract<MarkKind, 'bury' | 'suspend'> | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (press.key === '-') return 'bury';
  if (press.key === '@') return 'suspend';
  return null;
}
