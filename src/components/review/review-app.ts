import type { DeckCard } from '../../lib/deck-schema.ts';
import { conceptLabels, filterByConcepts, filterCards, loadDeck } from '../../lib/review/deck.ts';
import { ReviewSession, type CurrentCard } from '../../lib/review/session.ts';
import { DEFAULT_SETTINGS, settingsSchema } from '../../lib/progress/schema.ts';
import { describeInterval } from '../../lib/srs/format.ts';
import type { Grade } from '../../lib/srs/scheduler.ts';
import { openProgressStore, type LoadedProgress } from '../../lib/store/progress-store.ts';
import { StorageHealth, type StorageStatus } from '../../lib/store/storage-status.ts';
import { connectSync, type SyncMessage } from '../../lib/store/sync.ts';
import { yieldToMain } from '../../lib/yield-to-main.ts';
import { withBase } from '../../lib/urls.ts';
import { bindTransfer } from './transfer.ts';
import { requiredElement } from '../../lib/dom.ts';

const OFFLINE_TEXT = 'Offline: reviewing still works and progress is saved in this browser.';
const ONLINE_TEXT = 'Online.';

const required = <T extends Element>(root: ParentNode, selector: string): T =>
  requiredElement<T>(root, selector, 'review-app');

function plainText(html: string): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  return (template.content.textContent ?? '').replace(/\s+/gu, ' ').trim();
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName))
  );
}

function isActivatable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.closest('button, a, summary, label') !== null || isTyping(target));
}

class ReviewApp extends HTMLElement {
  #session: ReviewSession | null = null;
  #revealed = false;
  #busy = false;
  #waitTimer: ReturnType<typeof setTimeout> | undefined;
  #sync = connectSync((message) => void this.#onRemote(message));
  readonly #health = new StorageHealth();

  readonly #el = {
    network: required<HTMLElement>(this, '[data-network]'),
    storage: required<HTMLElement>(this, '[data-storage]'),
    warning: required<HTMLElement>(this, '[data-warning]'),
    section: required<HTMLSelectElement>(this, '[data-filter-section]'),
    tag: required<HTMLSelectElement>(this, '[data-filter-tag]'),
    cram: required<HTMLInputElement>(this, '[data-filter-cram]'),
    counts: required<HTMLElement>(this, '[data-counts]'),
    focus: required<HTMLElement>(this, '[data-focus]'),
    focusText: required<HTMLElement>(this, '[data-focus-text]'),
    card: required<HTMLElement>(this, '[data-card]'),
    edited: required<HTMLElement>(this, '[data-edited]'),
    reset: required<HTMLButtonElement>(this, '[data-reset]'),
    front: required<HTMLElement>(this, '[data-front]'),
    back: required<HTMLElement>(this, '[data-back]'),
    concept: required<HTMLAnchorElement>(this, '[data-concept]'),
    actions: required<HTMLElement>(this, '[data-actions]'),
    show: required<HTMLButtonElement>(this, '[data-show]'),
    grades: required<HTMLElement>(this, '[data-grades]'),
    undo: required<HTMLButtonElement>(this, '[data-undo]'),
    summary: required<HTMLElement>(this, '[data-summary]'),
    summaryText: required<HTMLElement>(this, '[data-summary-text]'),
    live: required<HTMLElement>(this, '[data-live]'),
    settingsForm: required<HTMLFormElement>(this, '[data-settings-form]'),
    settingsSave: required<HTMLButtonElement>(this, '[data-settings-save]'),
    settingsStatus: required<HTMLElement>(this, '[data-settings-status]'),
    settingsError: required<HTMLElement>(this, '[data-settings-error]'),
  };

  connectedCallback(): void {
    this.#watchNetwork();
    document.addEventListener('keydown', this.#onKey);
    this.#el.show.addEventListener('click', () => this.#reveal());
    for (const button of this.#gradeButtons()) {
      button.addEventListener('click', () => void this.#rate(Number(button.dataset['grade']) as Grade));
    }
    this.#el.undo.addEventListener('click', () => void this.#undo());
    this.#el.reset.addEventListener('click', () => void this.#resetCurrent());
    this.#el.settingsForm.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#saveSettings();
    });
    this.#health.subscribe((status) => this.#renderStorage(status));
    void this.#start();
  }

  disconnectedCallback(): void {
    document.removeEventListener('keydown', this.#onKey);
    this.#sync.close();
    clearTimeout(this.#waitTimer);
  }

  async #start(): Promise<void> {
    const params = new URLSearchParams(location.search);
    const filter = { section: params.get('section') || null, tag: params.get('tag') || null };
    const cram = params.get('mode') === 'cram';
    const concepts = (params.get('concepts') ?? '').split(',').filter(Boolean);
    this.#fillFilters(filter, cram);
    const [{ store, persistent }, deck] = await Promise.all([
      openProgressStore(),
      loadDeck(this.dataset['deckUrl'] ?? withBase('/deck.json')).catch((error: unknown) => error as Error),
    ]);
    if (deck instanceof Error) {
      this.#el.card.hidden = true;
      this.#el.actions.hidden = true;
      this.#el.counts.textContent = `${deck.message} If you are offline, open the review page once while online so it can be saved for offline use.`;
      return;
    }
    this.#showFocus(deck, concepts);
    // Parsing the deck and replaying the log are the long steps: each gets its own task.
    await yieldToMain();
    this.#health.record({ kind: persistent ? 'opened' : 'open-failed' });
    let loaded: LoadedProgress;
    let snapshot: unknown;
    try {
      [loaded, snapshot] = await Promise.all([store.load(), store.loadSnapshot().catch(() => undefined)]);
      const { unreadable, unreadableCards, invalid } = loaded;
      this.#health.record({ kind: 'read', unreadable, unreadableCards: unreadableCards.length, invalid });
    } catch {
      // Reviewing a log that cannot be read would show reviewed cards as new and write over their history.
      loaded = { entries: [], invalid: 0, unreadable: 0, unreadableCards: [], settings: { ...DEFAULT_SETTINGS } };
      this.#health.record({ kind: 'read-failed' });
    }
    await yieldToMain();
    // A card whose history is partly unreadable sits out, rather than being scheduled from half its log.
    const incomplete = new Set(loaded.unreadableCards);
    this.#session = new ReviewSession({
      cards: filterByConcepts(filterCards(deck, filter), concepts).filter((card) => !incomplete.has(card.id)),
      store,
      entries: loaded.entries,
      settings: loaded.settings,
      cram,
      broadcast: (message) => this.#sync.post(message),
      snapshot,
      health: this.#health,
    });
    if (!this.#session.restoredFromSnapshot) this.#saveSnapshot();
    // Leaving (or hiding) the tab stores the replayed states, so the next visit skips the replay.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.#saveSnapshot();
    });
    this.#fillSettings();
    bindTransfer(this, {
      session: () => this.#session,
      afterImport: () => this.#afterImport(),
      broadcast: (message) => this.#sync.post(message),
    });
    await yieldToMain();
    if (!this.#health.status().canRate) {
      this.#el.card.hidden = true;
      this.#el.actions.hidden = true;
      this.#el.counts.textContent = 'Reviewing is paused until your saved progress can be read.';
      return;
    }
    this.#el.actions.hidden = false;
    this.#next();
  }

  #saveSnapshot(): void {
    const session = this.#session;
    if (session && !session.cram) void session.store.saveSnapshot(session.snapshot()).catch(() => {});
  }

  #gradeButtons(): HTMLButtonElement[] {
    return [...this.#el.grades.querySelectorAll<HTMLButtonElement>('[data-grade]')];
  }

  /** Shows the filters the page was opened with (the form itself works without this script). */
  #fillFilters(filter: { section: string | null; tag: string | null }, cram: boolean): void {
    this.#el.section.value = filter.section ?? '';
    this.#el.tag.value = filter.tag ?? '';
    this.#el.cram.checked = cram;
  }

  /** Says what a `?concepts=` link (drill mode's focused review) narrows the session to. */
  #showFocus(deck: readonly DeckCard[], concepts: readonly string[]): void {
    if (concepts.length === 0) return;
    const labels = conceptLabels(deck, concepts);
    this.#el.focusText.textContent =
      labels.length > 0
        ? `Focused on what your drill flagged: ${labels.join('; ')}.`
        : 'This link asks for concepts that are no longer in the deck.';
    this.#el.focus.hidden = false;
  }

  #fillSettings(): void {
    const settings = this.#session?.settings;
    if (!settings) return;
    const form = this.#el.settingsForm;
    for (const [name, value] of Object.entries(settings)) {
      const input = form.elements.namedItem(name);
      if (input instanceof HTMLInputElement) input.value = String(value);
    }
    this.#el.settingsSave.disabled = false;
  }

  async #saveSettings(): Promise<void> {
    const session = this.#session;
    if (!session) return;
    const data = new FormData(this.#el.settingsForm);
    const parsed = settingsSchema.safeParse({
      newPerDay: Number(data.get('newPerDay')),
      desiredRetention: Number(data.get('desiredRetention')),
      maximumInterval: Number(data.get('maximumInterval')),
    });
    this.#el.settingsStatus.textContent = '';
    if (!parsed.success) {
      this.#el.settingsError.textContent =
        'Check the settings: new cards per day is a whole number from 0, desired retention is between 0.80 and 0.97, and the maximum interval is 1 to 36500 days.';
      return;
    }
    this.#el.settingsError.textContent = '';
    await session.updateSettings(parsed.data);
    this.#el.settingsStatus.textContent = this.#health.settingsMessage();
    if (this.#revealed) this.#renderPreviews();
    else this.#renderCounts();
    if (!session.current) this.#next();
  }

  #watchNetwork(): void {
    const update = () => {
      const online = navigator.onLine;
      this.#el.network.dataset['network'] = online ? 'online' : 'offline';
      this.#el.network.textContent = online ? ONLINE_TEXT : OFFLINE_TEXT;
    };
    update();
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
  }

  #renderStorage(status: StorageStatus): void {
    this.#el.storage.textContent = status.headline;
    const text = status.problems.join(' ');
    // Rewriting an unchanged alert would make screen readers announce it again.
    if (this.#el.warning.textContent !== text) this.#el.warning.textContent = text;
  }

  #onKey = (event: KeyboardEvent): void => {
    if (!this.#session || isTyping(event.target)) return;
    if ((event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'z') {
      event.preventDefault();
      void this.#undo();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || !this.#session.current) return;
    if (!this.#revealed && (event.key === ' ' || event.key === 'Enter')) {
      // A focused button or link already acts on Space/Enter itself.
      if (isActivatable(event.target)) return;
      event.preventDefault();
      this.#reveal();
      return;
    }
    if (this.#revealed && ['1', '2', '3', '4'].includes(event.key)) {
      event.preventDefault();
      void this.#rate(Number(event.key) as Grade);
    }
  };

  #next(): void {
    const session = this.#session;
    if (!session) return;
    clearTimeout(this.#waitTimer);
    const current = session.advance();
    if (current) this.#renderCard(current);
    else this.#renderDone();
  }

  #renderCard(current: CurrentCard): void {
    const { card } = current;
    this.#revealed = false;
    this.#el.summary.hidden = true;
    this.#el.card.hidden = false;
    this.#el.card.dataset['kind'] = card.kind;
    this.#el.front.innerHTML = card.front;
    this.#el.front.hidden = false;
    this.#el.back.innerHTML = card.back;
    this.#el.back.hidden = true;
    this.#el.edited.hidden = !current.edited;
    this.#el.concept.href = withBase(card.concept);
    this.#el.concept.hidden = false;
    this.#el.concept.textContent = `Read about it in the guide: ${card.conceptTitle.join(' › ')}`;
    this.#el.grades.hidden = true;
    for (const button of this.#gradeButtons()) button.disabled = true;
    this.#el.show.hidden = false;
    this.#el.show.disabled = false;
    this.#renderCounts();
    this.#el.undo.disabled = !this.#session?.canUndo;
    const label =
      current.kind === 'cram'
        ? 'Card'
        : current.kind === 'new'
          ? 'New card'
          : current.kind === 'learning'
            ? 'Learning card'
            : 'Review card';
    this.#announce(`${label}: ${plainText(card.front)}`);
  }

  #renderCounts(): void {
    const session = this.#session;
    if (!session) return;
    const counts = session.counts();
    this.#el.counts.innerHTML = session.cram
      ? `Cram: <b>${counts.cram}</b> left · the schedule is not changed`
      : `New <b>${counts.fresh}</b> · Learning <b>${counts.learning}</b> · Due <b>${counts.review}</b>`;
  }

  #reveal(): void {
    if (this.#revealed || !this.#session?.current) return;
    this.#revealed = true;
    const cloze = this.#session.current.card.kind === 'cloze';
    this.#el.front.hidden = cloze;
    this.#el.back.hidden = false;
    this.#el.show.hidden = true;
    this.#renderPreviews();
    this.#el.grades.hidden = false;
    for (const button of this.#gradeButtons()) button.disabled = false;
    this.#announce(`Answer: ${plainText(this.#session.current.card.back)}`);
    this.#gradeButtons()[2]?.focus();
  }

  #renderPreviews(): void {
    const previews = this.#session?.previews() ?? [];
    const names = ['Again', 'Hard', 'Good', 'Easy'];
    for (const button of this.#gradeButtons()) {
      const grade = Number(button.dataset['grade']);
      const preview = previews.find((p) => p.grade === grade);
      const interval = button.querySelector<HTMLElement>('[data-interval]');
      if (interval) interval.textContent = preview?.label ?? '';
      button.setAttribute('aria-label', `${names[grade - 1]}: ${preview?.description ?? ''} (key ${grade})`);
    }
  }

  async #rate(grade: Grade): Promise<void> {
    const session = this.#session;
    if (!session?.current || !this.#revealed || this.#busy) return;
    this.#busy = true;
    try {
      const outcome = await session.rate(grade);
      if (outcome === 'already-rated') this.#announce('This card was just answered in another tab; moving on.');
      this.#next();
      this.#el.show.focus();
      if (!session.current) this.#el.summary.focus();
    } finally {
      this.#busy = false;
    }
  }

  async #undo(): Promise<void> {
    const session = this.#session;
    if (!session?.canUndo && !session?.cram) return;
    if (this.#busy) return;
    this.#busy = true;
    try {
      const current = await session.undo();
      if (!current) return;
      this.#renderCard(current);
      this.#announce(`Undone. ${this.#el.live.textContent ?? ''}`);
      this.#el.show.focus();
    } finally {
      this.#busy = false;
    }
  }

  async #resetCurrent(): Promise<void> {
    const session = this.#session;
    const current = session?.current;
    if (!session || !current) return;
    await session.resetCard(current.card.id);
    this.#el.edited.hidden = true;
    this.#renderCounts();
    if (this.#revealed) this.#renderPreviews();
    this.#announce('Progress on this card was reset; it is new again.');
    (this.#revealed ? this.#gradeButtons()[2] : this.#el.show)?.focus();
  }

  #renderDone(): void {
    const session = this.#session;
    if (!session) return;
    this.#revealed = false;
    this.#el.card.hidden = true;
    this.#el.actions.hidden = false;
    this.#el.show.hidden = true;
    this.#el.grades.hidden = true;
    this.#el.summary.hidden = false;
    this.#el.undo.disabled = !session.canUndo && !session.cram;
    this.#renderCounts();
    const { tally } = session;
    const minutes = Math.max(1, Math.round((Date.now() - tally.startedAt) / 60_000));
    const parts: string[] = [];
    if (tally.reviewed === 0) {
      parts.push(session.cram ? 'No cards match this filter.' : 'Nothing is due right now.');
    } else {
      parts.push(
        `You answered ${tally.reviewed} card${tally.reviewed === 1 ? '' : 's'} in about ${minutes} min: Again ${tally.byGrade[1]}, Hard ${tally.byGrade[2]}, Good ${tally.byGrade[3]}, Easy ${tally.byGrade[4]}.`,
      );
    }
    const wait = session.nextLearningIn();
    if (wait !== null) {
      parts.push(`A learning card is due in ${describeInterval(wait)}; it will appear here when it is due.`);
      this.#waitTimer = setTimeout(() => this.#next(), Math.min(wait + 500, 2_147_483_647));
    } else if (!session.cram) {
      parts.push('Come back tomorrow (the day starts at 4 AM) for more, or cram a section above.');
    }
    this.#el.summaryText.textContent = parts.join(' ');
    this.#announce(`Session complete. ${parts.join(' ')}`);
  }

  async #onRemote(message: SyncMessage): Promise<void> {
    const session = this.#session;
    if (!session) return;
    const mustMove = await session.applyRemote(message);
    if (mustMove) {
      this.#announce('This card was answered in another tab; moving on.');
      this.#next();
    } else if (!session.current) {
      this.#next();
    } else {
      this.#renderCounts();
      if (this.#revealed) this.#renderPreviews();
    }
  }

  async #afterImport(): Promise<void> {
    const session = this.#session;
    if (!session) return;
    await session.applyRemote({ type: 'reload' });
    const loaded = await session.store.load();
    if (JSON.stringify(loaded.settings) !== JSON.stringify(session.settings))
      await session.updateSettings(loaded.settings);
    this.#fillSettings();
    this.#next();
  }

  #announce(text: string): void {
    this.#el.live.textContent = text;
  }
}

customElements.define('review-app', ReviewApp);
