/**
 * The element `selector` finds under `root`. The apps' markup is rendered with
 * them, so a missing element is a bug: it fails at once, naming `owner`, not as
 * a null dereference later.
 */
export function requiredElement<T extends Element>(root: ParentNode, selector: string, owner: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`${owner}: missing ${selector}`);
  return element;
}
