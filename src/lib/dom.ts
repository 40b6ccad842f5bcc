/**
 * The DOM primitives every interactive component uses (see docs/architecture.md,
 * "Client code"): one lookup that names its owner, and one typed builder.
 */

/**
 * The element `selector` finds under `root`. The components' markup is rendered with
 * them, so a missing element is a bug: it fails at once, naming `owner`, not as
 * a null dereference later.
 */
export function requiredElement<T extends Element>(root: ParentNode, selector: string, owner: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`${owner}: missing ${selector}`);
  return element;
}

/** A child of a built element: a node, text, or nothing (skipped, for conditional parts). */
export type Child = Node | string | number | null | undefined | false;

/** Attributes as strings; `true` sets an empty attribute, `false`/`undefined` leaves it out. */
export type Attributes = Record<string, string | number | boolean | undefined>;

/** Properties and listeners a built HTML element may take besides attributes. */
export interface HtmlOptions<K extends keyof HTMLElementTagNameMap> {
  attrs?: Attributes;
  className?: string;
  text?: string;
  /** Listeners, typed by event name (`{ click: () => … }`). */
  on?: { [E in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[E]) => void };
  /** Runs once the element is built, for the rare property the options do not cover. */
  init?: (element: HTMLElementTagNameMap[K]) => void;
}

function setAttributes(element: Element, attrs: Attributes | undefined): void {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
}

function appendChildren(element: Element, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'number' ? String(child) : child);
  }
}

/**
 * Builds an HTML element: `html('button', { className: 'x', on: { click } }, 'Label')`.
 * Text goes in as text nodes, never as markup, so content from the deck or an
 * imported file can never run.
 */
export function html<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: HtmlOptions<K> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.className) element.className = options.className;
  setAttributes(element, options.attrs);
  if (options.text !== undefined) element.textContent = options.text;
  for (const [type, listener] of Object.entries(options.on ?? {})) {
    element.addEventListener(type, listener as EventListener);
  }
  appendChildren(element, children);
  options.init?.(element);
  return element;
}

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/** Builds an SVG element with its attributes and children (`svg('rect', { x: 0, width: 4 })`). */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attributes = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NAMESPACE, tag);
  setAttributes(element, attrs);
  appendChildren(element, children);
  return element;
}

/** The `detail` an event in `HTMLElementEventMap` carries (never for events that are not CustomEvents). */
export type EventDetail<K extends keyof HTMLElementEventMap> =
  HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Dispatches a bubbling CustomEvent from `source`. Components declare their events
 * in `HTMLElementEventMap`, so the name and the detail are checked at both ends.
 */
export function emit<K extends keyof HTMLElementEventMap>(source: EventTarget, type: K, detail: EventDetail<K>): void {
  source.dispatchEvent(new CustomEvent(type, { detail, bubbles: true }));
}
