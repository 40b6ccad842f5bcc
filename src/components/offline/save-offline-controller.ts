import { requiredElement } from '../../lib/dom.ts';
import { formatSize } from '../../lib/offline/format-size.ts';
import { plural } from '../../lib/plural.ts';
import type { SavePlan, SaveProgress } from '../../lib/offline/save-all.ts';
import { isStorageFull, STORAGE_FULL_MESSAGE } from '../../lib/offline/storage-full.ts';

/** Detail of `offline-save-change`: how many guides this device keeps, of how many. */
export interface OfflineSaveChange {
  saved: number;
  total: number;
}

declare global {
  interface HTMLElementEventMap {
    'offline-save-change': CustomEvent<OfflineSaveChange>;
  }
}

type SaveWork = typeof import('../../lib/offline/save-all.ts');

/**
 * What the save control does once it is needed (on screen or clicked): compares the
 * build's guides with what this device keeps, and saves them with progress.
 */
export class SaveOfflineController {
  #root: HTMLElement;
  #controller: AbortController | undefined;
  #work: Promise<SaveWork>;
  #base: string;
  #el: {
    summary: HTMLElement;
    progress: HTMLElement;
    bar: HTMLProgressElement;
    progressText: HTMLElement;
    save: HTMLButtonElement;
    cancel: HTMLButtonElement;
    storage: HTMLElement;
    announce: HTMLElement;
  };

  constructor(root: HTMLElement) {
    const owner = 'save-offline';
    this.#root = root;
    this.#el = {
      summary: requiredElement(root, '[data-save-summary]', owner),
      progress: requiredElement(root, '[data-progress]', owner),
      bar: requiredElement(root, '[data-bar]', owner),
      progressText: requiredElement(root, '[data-progress-text]', owner),
      save: requiredElement(root, '[data-save]', owner),
      cancel: requiredElement(root, '[data-cancel]', owner),
      storage: requiredElement(root, '[data-save-storage]', owner),
      announce: requiredElement(root, '[data-announce]', owner),
    };
    this.#base = new URL(import.meta.env.BASE_URL, location.href).href;
    this.#work = import('../../lib/offline/save-all.ts');
    this.#el.cancel.addEventListener('click', () =>
      this.#controller?.abort(new DOMException('Cancelled', 'AbortError')),
    );
    void this.#refresh().catch(() => {
      this.#el.summary.textContent = navigator.onLine
        ? 'The list of guides could not be loaded, so they cannot be saved now. Reload the page to try again.'
        : 'You are offline: guides can be saved next time you are online. Guides you open are kept anyway.';
    });
  }

  /** Compares the build's list of guides with what this device keeps, and says so. */
  async #refresh(): Promise<SavePlan> {
    const { loadPack, planSave } = await this.#work;
    const plan = await planSave(await loadPack(this.#base), this.#base);
    const total = plan.guidesTotal;
    const saved = plan.guidesCurrent;
    const rest = [...plan.pagesToSave, ...plan.searchToSave].reduce((sum, file) => sum + file.bytes, 0);
    this.#el.summary.textContent =
      rest === 0
        ? `All ${plural(total, 'guide')} are saved on this device: reading and full-text search work offline.`
        : `${saved} of ${plural(total, 'guide')} saved on this device` +
          (plan.guidesOutdated > 0 ? ` (${plan.guidesOutdated} out of date)` : '') +
          `. Saving all downloads ${formatSize(rest)}; guides you open are kept anyway.`;
    this.#root.dispatchEvent(
      new CustomEvent<OfflineSaveChange>('offline-save-change', { bubbles: true, detail: { saved, total } }),
    );
    await this.#showStorage();
    return plan;
  }

  async #showStorage(): Promise<void> {
    const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
    if (!estimate?.usage) return;
    this.#el.storage.hidden = false;
    this.#el.storage.textContent = `This site stores ${formatSize(estimate.usage)} on this device: the app, saved guides and your progress.`;
  }

  #showProgress(progress: SaveProgress): void {
    this.#el.bar.max = Math.max(progress.bytesTotal, 1);
    this.#el.bar.value = progress.bytesDone;
    this.#el.progressText.textContent =
      `Saving: ${progress.guidesDone} of ${plural(progress.guidesTotal, 'guide')}, ` +
      `${formatSize(progress.bytesDone)} of ${formatSize(progress.bytesTotal)}`;
  }

  /** Saves every guide not kept in this build's version; a second call while saving does nothing. */
  async save(): Promise<void> {
    if (this.#controller) return;
    const el = this.#el;
    const controller = new AbortController();
    this.#controller = controller;
    el.save.disabled = true;
    el.cancel.hidden = false;
    el.cancel.focus();
    el.progress.hidden = false;
    el.announce.textContent = 'Saving every guide for offline…';
    let ending: string;
    try {
      const { runSave } = await this.#work;
      const plan = await this.#refresh();
      const done = await runSave(plan, {
        signal: controller.signal,
        onProgress: (progress) => this.#showProgress(progress),
      });
      ending = `Done: all ${plural(done.guidesTotal, 'guide')} are saved for offline.`;
    } catch (error) {
      ending = controller.signal.aborted
        ? 'Stopped. What was saved stays saved; “Save all” resumes from there.'
        : isStorageFull(error)
          ? STORAGE_FULL_MESSAGE
          : navigator.onLine
            ? `Saving stopped: ${error instanceof Error ? error.message : String(error)} What was saved stays saved; try again to resume.`
            : 'Saving stopped: you are offline. What was saved stays saved; try again when online to resume.';
    }
    this.#controller = undefined;
    await this.#refresh().catch(() => undefined);
    el.progress.hidden = true;
    el.cancel.hidden = true;
    el.save.disabled = false;
    el.save.focus();
    el.announce.textContent = ending;
  }
}
