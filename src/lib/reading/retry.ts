/**
 * A prompt forgotten while reading comes back once more before the reader moves
 * on: at the end of its section, just before the next H2 (or at the end of the
 * page). DOM-free, so the order is unit-tested; `<check-card>` places the copies.
 */

/** What a guide's text is made of, as far as retries care: H2 boundaries and prompts, in page order. */
export type PageItem = { kind: 'section'; id: string } | { kind: 'prompt'; key: string };

/** The end of a section: the id of the H2 a retry goes before, or null for the end of the page. */
export type SectionEnd = string | null;

/** The H2 that ends the section holding prompt `key`: the first one after it in the page. */
export function sectionEnd(items: readonly PageItem[], key: string): SectionEnd {
  const at = items.findIndex((item) => item.kind === 'prompt' && item.key === key);
  if (at === -1) throw new Error(`No prompt ${key} on this page`);
  for (const item of items.slice(at + 1)) if (item.kind === 'section') return item.id;
  return null;
}

/**
 * Retries waiting at each section end. A prompt comes back once: forgetting it
 * again in its retry does not queue it a third time, and a prompt already
 * waiting is not queued twice. Retries at one end come in the order forgotten.
 */
export class RetryPlan {
  readonly #items: readonly PageItem[];
  readonly #waiting = new Map<SectionEnd, string[]>();
  readonly #queued = new Set<string>();

  constructor(items: readonly PageItem[]) {
    this.#items = items;
  }

  /**
   * Records a grade given in place (1 = Again … 4 = Easy) and returns where the
   * prompt comes back, or undefined when it does not.
   */
  graded(key: string, grade: number, isRetry: boolean): { end: SectionEnd } | undefined {
    if (grade !== 1 || isRetry || this.#queued.has(key)) return undefined;
    const end = sectionEnd(this.#items, key);
    this.#queued.add(key);
    this.#waiting.set(end, [...(this.#waiting.get(end) ?? []), key]);
    return { end };
  }

  /** Takes a retry back (its grade was undone): it no longer waits anywhere. */
  cancel(key: string): void {
    if (!this.#queued.delete(key)) return;
    for (const [end, keys] of this.#waiting)
      this.#waiting.set(
        end,
        keys.filter((k) => k !== key),
      );
  }

  /** The prompts waiting at `end`, in the order they come back. */
  waitingAt(end: SectionEnd): readonly string[] {
    return this.#waiting.get(end) ?? [];
  }
}
