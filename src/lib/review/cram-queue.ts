/**
 * Cram's order: every card once, Again sends it to the back; the schedule is not touched.
 * Held cards leave the queue, and a card freed again comes back first unless already crammed.
 */
export class CramQueue {
  #queue: string[];
  readonly #done: string[] = [];

  constructor(cardIds: readonly string[]) {
    this.#queue = [...cardIds];
  }

  get next(): string | undefined {
    return this.#queue[0];
  }

  get length(): number {
    return this.#queue.length;
  }

  get canUndo(): boolean {
    return this.#done.length > 0;
  }

  /** The card on top was answered; Again (`again`) sends it to the back. */
  answered(cardId: string, again: boolean): void {
    this.#queue.shift();
    if (again) this.#queue.push(cardId);
    this.#done.push(cardId);
  }

  /** Takes the last answer back: that card is on top again. */
  undo(): string | undefined {
    const cardId = this.#done.pop();
    if (cardId === undefined) return undefined;
    const back = this.#queue.lastIndexOf(cardId);
    if (back > 0) this.#queue.splice(back, 1);
    this.#queue.unshift(cardId);
    return cardId;
  }

  /** Held cards leave; `freed` (no longer held, in the deck) come back first unless already crammed. */
  hold(held: ReadonlySet<string>, freed: readonly string[]): void {
    this.#queue = this.#queue.filter((id) => !held.has(id));
    for (const id of freed) if (!this.#queue.includes(id) && !this.#done.includes(id)) this.#queue.unshift(id);
  }
}
