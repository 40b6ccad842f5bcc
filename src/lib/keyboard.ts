/** Which key presses belong to a page-wide shortcut and which to the focused control. */

/** Keys typed into this target belong to it, not to a page-wide shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName))
  );
}

/** A focused control that acts on Space and Enter by itself. */
export function isActivatable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.closest('button, a, summary, label') !== null || isTyping(target));
}
