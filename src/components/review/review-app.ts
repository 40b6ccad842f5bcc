import { requiredElement } from '../../lib/dom.ts';
import { DEFAULT_SETTINGS } from '../../lib/review-log/constants.ts';
import { cardsOfPage, conceptLabels, filterByConcepts, filterCards, loadDeck } from '../../lib/review/deck.ts';
import { readReviewParams } from '../../lib/review/review-params.ts';
import { ReviewSession } from '../../lib/review/session.ts';
import { openProgressStore, type LoadedProgress } from '../../lib/store/progress-store.ts';
import { StorageHealth } from '../../lib/store/storage-status.ts';
import { connectSync, type SyncMessage } from '../../lib/store/sync.ts';
import { runtimeFileUrl } from '../../lib/app-files.ts';
import { whenIdle } from '../../lib/when-idle.ts';
import { yieldToMain } from '../../lib/yield-to-main.ts';
import type { TransferSource } from './progress-transfer.ts';
import type { ReviewSettings } from './review-settings.ts';
// The parts upgrade before the app, so it can hand them the session.
import './review-filters.ts';
import './review-queue.ts';
import './review-status.ts';

const required = <K extends keyof HTMLElementTagNameMap>(root: ParentNode, tag: K): HTMLElementTagNameMap[K] =>
  requiredElement<HTMLElementTagNameMap[K]>(root, tag, 'review-app');

/**
 * <review-app>: loads the deck and the stored progress, builds the session and
 * hands it to its parts; keeps other tabs in step and answers its parts' events
 * (settings changed, progress imported). Storage outcomes go to one
 * `StorageHealth`, whose status the status line shows.
 */
class ReviewApp extends HTMLElement {
  #session: ReviewSession | null = null;
  #sync = connectSync((message) => void this.#applyRemote(message));
  readonly #health = new StorageHealth();
  readonly #parts = {
    status: required(this, 'review-status'),
    queue: required(this, 'review-queue'),
    transfer: required(this, 'progress-transfer'),
  };

  connectedCallback(): void {
    this.#loadIdleParts();
    // The interview plan's code (its panel's, and its workers') is fetched the first time the panel opens.
    this.querySelector('[data-plan-details]')?.addEventListener(
      'toggle',
      () => void import('../plan/interview-plan.ts'),
      {
        once: true,
      },
    );
    this.#health.subscribe((status) => this.#parts.status.showStorage(status));
    this.addEventListener('review-settings-change', (event) => void this.#changeSettings(event.detail.settings));
    // The interview plan changes the interview date and the fitted parameters, kept with the other settings.
    this.addEventListener('plan-settings-change', (event) => {
      const session = this.#session;
      if (!session) return;
      const plan = event.target;
      void this.#changeSettings(event.detail.update(session.settings)).then((applied) => {
        // The plan says there whether its change reached storage, as the settings form does.
        if (applied && plan instanceof HTMLElement && 'confirmSaved' in plan)
          (plan as HTMLElementTagNameMap['interview-plan']).confirmSaved(this.#health.settingsMessage());
        this.#useFinalPass(session);
      });
    });
    this.addEventListener('progress-imported', (event) => event.detail.waitUntil(this.#reloadAfterImport()));
    this.addEventListener('review-holds-change', () => this.#parts.queue.next());
    void this.#start();
  }

  disconnectedCallback(): void {
    this.#sync.close();
    document.removeEventListener('visibilitychange', this.#saveSnapshotWhenHidden);
  }

  async #start(): Promise<void> {
    const { filter, cram, concepts, page } = readReviewParams(location.search);
    const [{ store, persistent }, deck] = await Promise.all([
      openProgressStore(),
      loadDeck(this.dataset['deckUrl'] ?? runtimeFileUrl('deck')).catch((error: unknown) => error as Error),
    ]);
    if (deck instanceof Error) {
      this.#parts.queue.showDeckError(deck.message);
      return;
    }
    if (concepts.length > 0) this.#parts.queue.showFocus(conceptLabels(deck, concepts));
    if (page) this.#parts.queue.showFocus(conceptLabels(deck, [page]), 'the cards of this guide');
    // Parsing the deck and replaying the log are the long steps: each gets its own task.
    await yieldToMain();
    this.#health.record({ kind: persistent ? 'opened' : 'open-failed' });
    let loaded: LoadedProgress;
    let snapshot: unknown;
    const visited = await store.loadVisits();
    try {
      [loaded, snapshot] = await Promise.all([store.load(), store.loadSnapshot().catch(() => undefined)]);
      const { unreadable, unreadableCards, invalid } = loaded;
      this.#health.record({ kind: 'read', unreadable, unreadableCards: unreadableCards.length, invalid });
    } catch {
      // Reviewing a log that cannot be read would show reviewed cards as new and write over their history.
      loaded = {
        entries: [],
        invalid: 0,
        unreadable: 0,
        unreadableCards: [],
        settings: { ...DEFAULT_SETTINGS },
        marks: [],
      };
      this.#health.record({ kind: 'read-failed' });
    }
    await yieldToMain();
    // A card whose history is partly unreadable sits out, rather than being scheduled from half its log.
    const incomplete = new Set(loaded.unreadableCards);
    const session = new ReviewSession({
      cards: cardsOfPage(filterByConcepts(filterCards(deck, filter), concepts), page).filter(
        (card) => !incomplete.has(card.id),
      ),
      store,
      entries: loaded.entries,
      marks: loaded.marks,
      settings: loaded.settings,
      cram,
      broadcast: (message) => this.#sync.post(message),
      snapshot,
      health: this.#health,
      // Unread guides wait only when the whole deck is asked for: a filter is an explicit choice.
      reading: { visited, onlyRead: !filter.section && !filter.tag && concepts.length === 0 && !page },
    });
    this.#session = session;
    void this.#settings((form) => form.showUnread(session.queue().waitingUnread));
    if (!session.restoredFromSnapshot) this.#saveSnapshot();
    // Leaving (or hiding) the tab stores the replayed states, so the next visit skips the replay.
    document.addEventListener('visibilitychange', this.#saveSnapshotWhenHidden);
    void this.#settings((form) => form.fill(session.settings));
    this.#connectTransfer({ log: () => session.log, settings: () => session.settings, health: this.#health });
    void customElements.whenDefined('review-holds').then(() => required(this, 'review-holds').connectSession(session));
    await yieldToMain();
    if (!this.#health.status().canRate) {
      this.#parts.queue.pause('Reviewing is paused until your saved progress can be read.');
      return;
    }
    this.#parts.queue.start(session);
    this.#useFinalPass(session);
  }

  /** With an interview ahead, the final pass (loaded when idle) puts cards below target in the queue before it. */
  #useFinalPass(session: ReviewSession): void {
    const at = session.settings.interview?.at;
    if (session.cram || at === undefined || at <= Date.now()) return;
    whenIdle(
      () =>
        void import('../../lib/plan/final-pass.ts').then(({ interviewQueueStates }) => {
          session.useQueueStates(interviewQueueStates);
          this.#parts.queue.refresh();
        }),
    );
  }

  /**
   * Settings, export and import sit below the card, suspend and bury beside it, and
   * all wait for a click: their code (the file format, the import worker's client,
   * the wording) loads when the browser is idle, keeping it out of the review's
   * start-up. Their buttons stay disabled until then.
   */
  #loadIdleParts(): void {
    whenIdle(() => {
      void import('./review-settings.ts');
      void import('./review-holds.ts');
      void import('./progress-transfer.ts');
    });
  }

  #connectTransfer(source: TransferSource): void {
    void customElements.whenDefined('progress-transfer').then(() => this.#parts.transfer.connectSource(source));
  }

  /** Acts on the settings form once its code has loaded (its Save button stays disabled until `fill`). */
  async #settings(act: (form: ReviewSettings) => void): Promise<void> {
    await customElements.whenDefined('review-settings');
    act(required(this, 'review-settings'));
  }

  readonly #saveSnapshotWhenHidden = (): void => {
    if (document.visibilityState === 'hidden') this.#saveSnapshot();
  };

  #saveSnapshot(): void {
    const session = this.#session;
    if (session && !session.cram) void session.log.saveSnapshot(session.snapshot());
  }

  /** True when the settings were applied (and their write reported to the storage status). */
  async #changeSettings(raw: ReviewSession['settings']): Promise<boolean> {
    const session = this.#session;
    // A change waits for a click: the schema (and zod) load then, not with the page.
    const { settingsSchema, SETTINGS_LIMITS_MESSAGE } = await import('../../lib/review-log/schema.ts');
    const parsed = settingsSchema.safeParse(raw);
    if (!parsed.success) {
      await this.#settings((form) => form.showError(SETTINGS_LIMITS_MESSAGE));
      return false;
    }
    if (!session) return false;
    await session.updateSettings(parsed.data);
    // Every other open tab replays with the new scheduler identity, rather than keeping (and saving) old states.
    this.#sync.post({ type: 'settings' });
    void this.#settings((form) => {
      form.fill(session.settings);
      form.showUnread(session.queue().waitingUnread);
      form.confirmSaved(this.#health.settingsMessage());
    });
    this.#parts.queue.refresh();
    return true;
  }

  /** Another tab's change; after a settings change the form and the plan show the stored settings. */
  async #applyRemote(message: SyncMessage): Promise<void> {
    await this.#parts.queue.applyRemote(message);
    const session = this.#session;
    if (message.type !== 'settings' || !session) return;
    void this.#settings((form) => form.fill(session.settings));
    // The plan's code loads when its panel first opens; until then there is nothing drawn to update.
    const plan = this.querySelector('interview-plan');
    if (plan && 'settingsChanged' in plan) plan.settingsChanged(session.settings);
    this.#useFinalPass(session);
  }

  async #reloadAfterImport(): Promise<void> {
    const session = this.#session;
    if (!session) return;
    this.#sync.post({ type: 'reload' });
    // One reload reads the log and the settings the import stored (a second read of 370,000
    // entries, and a second replay for the settings, were most of the wait after a large import).
    await session.applyRemote({ type: 'reload' });
    void this.#settings((form) => {
      form.fill(session.settings);
      // The import may bring guides read elsewhere.
      form.showUnread(session.queue().waitingUnread);
    });
    this.#parts.queue.next();
  }
}

customElements.define('review-app', ReviewApp);
