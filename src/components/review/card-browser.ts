import { requiredElement } from '../../lib/dom.ts';
import { htmlToText } from '../../lib/html-text.ts';
import { plural } from '../../lib/plural.ts';
import type { DeckCard } from '../../lib/deck-schema.ts';
import { batchSize, planCardAction, type CardAction } from '../../lib/review/card-actions.ts';
import { CardCollection } from '../../lib/review/card-collection.ts';
import {
  filterRows,
  NO_FILTER,
  SORT_LABELS,
  sortRows,
  type CardRow,
  type RowFilter,
  type SortDirection,
  type SortKey,
} from '../../lib/review/card-rows.ts';
import { loadDeck } from '../../lib/review/deck.ts';
import { openProgressLog, type ProgressLog } from '../../lib/store/progress-log.ts';
import type { LogBatch } from '../../lib/store/progress-types.ts';
import { connectSync, type SyncMessage } from '../../lib/store/sync.ts';
import { runtimeFileUrl } from '../../lib/app-files.ts';
import './card-table.ts';

/** Rows per page: enough to scan, few enough that 10,000 cards render at once. */
export const PAGE_SIZE = 50;

const required = <T extends Element>(root: ParentNode, selector: string): T =>
  requiredElement<T>(root, selector, 'card-browser');

const DONE: Record<CardAction, string> = { suspend: 'Suspended', unsuspend: 'Unsuspended', reset: 'Reset' };

/**
 * <card-browser>: every card with its state, from the local log. Filters and
 * sorting work on all rows in memory; the table shows one page. Actions append
 * marks or reset entries to the log in one transaction; undo removes exactly
 * that batch (nothing else has seen it), and other tabs are told either way.
 */
class CardBrowser extends HTMLElement {
  /** The write path: memory (and "NOT saved") when IndexedDB is missing or fails. */
  #log: ProgressLog | null = null;
  #cards: DeckCard[] = [];
  #collection: CardCollection | null = null;
  #rows: CardRow[] = [];
  #shown: CardRow[] = [];
  #filter: RowFilter = NO_FILTER;
  #sort: { key: SortKey; direction: SortDirection } = { key: 'due', direction: 'ascending' };
  #page = 0;
  #last: { batch: LogBatch; action: CardAction } | null = null;
  readonly #texts = new Map<string, string>();
  readonly #sync = connectSync((message) => void this.#applyRemote(message));
  readonly #el = {
    filters: required<HTMLFormElement>(this, '[data-card-filters]'),
    count: required<HTMLElement>(this, '[data-card-count]'),
    table: required<HTMLElementTagNameMap['card-table']>(this, 'card-table'),
    pageText: required<HTMLElement>(this, '[data-page-text]'),
    previous: required<HTMLButtonElement>(this, '[data-page="-1"]'),
    next: required<HTMLButtonElement>(this, '[data-page="1"]'),
    done: required<HTMLElement>(this, '[data-done-text]'),
    undo: required<HTMLButtonElement>(this, '[data-undo]'),
    confirm: required<HTMLDialogElement>(this, '[data-confirm]'),
    confirmText: required<HTMLElement>(this, '[data-confirm-text]'),
  };

  connectedCallback(): void {
    this.#el.filters.addEventListener('input', () => this.#readFilter());
    this.#el.filters.addEventListener('submit', (event) => event.preventDefault());
    this.addEventListener('card-sort', (event) => this.#sortBy(event.detail.key));
    this.addEventListener('card-row-action', (event) => void this.#rowAction(event.detail.action, event.detail.cardId));
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-bulk]'))
      button.addEventListener('click', () => void this.#bulk(button.dataset['bulk'] as CardAction));
    this.#el.previous.addEventListener('click', () => this.#turn(-1));
    this.#el.next.addEventListener('click', () => this.#turn(1));
    this.#el.undo.addEventListener('click', () => void this.#undo());
    void this.#load();
  }

  disconnectedCallback(): void {
    this.#sync.close();
  }

  async #load(): Promise<void> {
    try {
      const [log, cards] = await Promise.all([
        this.#log ?? openProgressLog({ broadcast: (message) => this.#sync.post(message) }),
        this.#cards.length > 0 ? this.#cards : loadDeck(this.dataset['deckUrl'] ?? runtimeFileUrl('deck')),
      ]);
      const store = log.store;
      const [loaded, snapshot] = await Promise.all([store.load(), store.loadSnapshot().catch(() => undefined)]);
      this.#log = log;
      this.#cards = cards;
      // At 10,000 cards the replay is the long step: the cache the review page keeps is reused when it matches,
      // and filled when it does not.
      this.#collection = new CardCollection(cards, loaded, snapshot);
      if (!this.#collection.restored) void log.saveSnapshot(this.#collection.snapshot());
      this.#rebuild();
      for (const button of this.querySelectorAll<HTMLButtonElement>('[data-bulk]')) button.disabled = false;
    } catch (error) {
      this.#el.count.textContent =
        error instanceof Error && !(error instanceof DOMException)
          ? error.message
          : 'Your cards could not be loaded. Reload the page to try again.';
    }
  }

  /**
   * Another tab's change. A rating, an undo or a mark carries its data and replays at most its card; a
   * reload (a reset, an import) or new settings reads the store, and the collection replays only the
   * cards whose entries changed, or everything when the scheduler's identity changed.
   */
  async #applyRemote(message: SyncMessage): Promise<void> {
    const collection = this.#collection;
    const log = this.#log;
    if (!collection || !log) return this.#load();
    try {
      if (message.type === 'reload' || message.type === 'settings') {
        const [loaded, snapshot] = await Promise.all([
          log.store.load(),
          log.store.loadSnapshot().catch(() => undefined),
        ]);
        if (collection.refresh(loaded, snapshot)) void log.saveSnapshot(collection.snapshot());
      } else collection.applyRemote(message);
    } catch {
      this.#say('A change made in another tab could not be read. Reload the page to see it.', false);
      return;
    }
    this.#rebuild();
  }

  #textOf = (markup: string): string => {
    let text = this.#texts.get(markup);
    if (text === undefined) this.#texts.set(markup, (text = htmlToText(markup)));
    return text;
  };

  /** Rows from the current log and marks, then the filtered, sorted page. */
  #rebuild(): void {
    this.#rows = this.#collection?.rows(Date.now(), this.#textOf) ?? [];
    this.#refilter();
  }

  #refilter(): void {
    this.#shown = sortRows(filterRows(this.#rows, this.#filter), this.#sort.key, this.#sort.direction);
    this.#page = Math.min(this.#page, Math.max(0, Math.ceil(this.#shown.length / PAGE_SIZE) - 1));
    this.#render();
  }

  #render(): void {
    const total = this.#shown.length;
    const first = this.#page * PAGE_SIZE;
    const rows = this.#shown.slice(first, first + PAGE_SIZE);
    const range = total === 0 ? 'none' : `${first + 1}–${first + rows.length} of ${total}`;
    this.#el.count.textContent = `${plural(total, 'card')} shown of ${this.#rows.length}.`;
    this.#el.table.show(
      rows,
      this.#sort,
      `Your cards, sorted by ${SORT_LABELS[this.#sort.key]} (${this.#sort.direction}): ${range}`,
      Date.now(),
    );
    this.#el.pageText.textContent = total === 0 ? '' : `Cards ${range}`;
    this.#el.previous.disabled = this.#page === 0;
    this.#el.next.disabled = first + PAGE_SIZE >= total;
  }

  #readFilter(): void {
    const data = new FormData(this.#el.filters);
    const get = (name: string) => String(data.get(name) ?? '');
    this.#filter = {
      text: get('text'),
      section: get('section'),
      tag: get('tag'),
      state: get('state') as RowFilter['state'],
    };
    this.#page = 0;
    this.#refilter();
  }

  #sortBy(key: SortKey): void {
    const again = this.#sort.key === key && this.#sort.direction === 'ascending';
    this.#sort = { key, direction: again ? 'descending' : 'ascending' };
    this.#page = 0;
    this.#refilter();
  }

  #turn(delta: -1 | 1): void {
    this.#page += delta;
    this.#render();
  }

  async #rowAction(action: CardAction, cardId: string): Promise<void> {
    const row = this.#rows.find((r) => r.id === cardId);
    if (!row) return;
    if (
      action === 'reset' &&
      !(await this.#confirm(`Reset “${row.front || row.id}” to new? Its history stays in the log.`))
    )
      return;
    await this.#apply(action, [row]);
  }

  async #bulk(action: CardAction): Promise<void> {
    const count = batchSize(planCardAction(action, this.#shown, Date.now()));
    if (count === 0) {
      this.#say(`No card shown needs that: nothing to ${action}.`, false);
      return;
    }
    const what =
      action === 'reset'
        ? `Reset ${plural(count, 'card')} to new? Their history stays in the log.`
        : `${action === 'suspend' ? 'Suspend' : 'Unsuspend'} ${plural(count, 'card')}?`;
    if (!(await this.#confirm(what))) return;
    // Planned again at the click, from the rows as they are now (another tab may have changed some).
    const batch = planCardAction(action, this.#shown, Date.now());
    if (batchSize(batch) > 0) await this.#write(action, batch);
  }

  async #apply(action: CardAction, rows: readonly CardRow[]): Promise<void> {
    const batch = planCardAction(action, rows, Date.now());
    if (batchSize(batch) > 0) await this.#write(action, batch);
  }

  /** Resolves true when the reader confirms `question` in the modal dialog. */
  #confirm(question: string): Promise<boolean> {
    const dialog = this.#el.confirm;
    this.#el.confirmText.textContent = question;
    dialog.returnValue = '';
    dialog.showModal();
    return new Promise((resolve) =>
      dialog.addEventListener('close', () => resolve(dialog.returnValue === 'confirm'), { once: true }),
    );
  }

  async #write(action: CardAction, planned: LogBatch): Promise<void> {
    const log = this.#log;
    if (!log) return;
    let written: { batch: LogBatch; saved: boolean };
    try {
      written = await log.writeBatch(planned);
    } catch {
      this.#say('That change could not be saved; nothing was changed. Reload the page and try again.', false);
      return;
    }
    // The batch as the store dated it (each change after its card's latest): what undo removes.
    const { batch, saved } = written;
    this.#changed(batch, 'added');
    this.#last = { batch, action };
    this.#say(`${DONE[action]} ${plural(batchSize(batch), 'card')}.${notSaved(saved)}`, true);
  }

  async #undo(): Promise<void> {
    const last = this.#last;
    if (!last || !this.#log) return;
    let saved: boolean;
    try {
      ({ saved } = await this.#log.removeBatch(last.batch));
    } catch {
      this.#say('That undo could not be saved; the change stays. Reload the page and try again.', true);
      return;
    }
    this.#changed(last.batch, 'removed');
    this.#last = null;
    this.#say(
      `Undone: ${DONE[last.action].toLowerCase()} ${plural(batchSize(last.batch), 'card')} no more.${notSaved(saved)}`,
      false,
    );
  }

  /** Folds a written (or removed) batch into this page; the write path has told other tabs. */
  #changed(batch: LogBatch, how: 'added' | 'removed'): void {
    this.#collection?.apply(batch, how);
    this.#rebuild();
  }

  #say(text: string, canUndo: boolean): void {
    this.#el.done.textContent = text;
    this.#el.undo.hidden = !canUndo;
  }
}

/** Said after a change that stayed in this page's memory. */
function notSaved(saved: boolean): string {
  return saved
    ? ''
    : ' NOT saved: this browser is not storing progress (private browsing, or storage is blocked or full), so it is lost when you leave the page.';
}

customElements.define('card-browser', CardBrowser);
