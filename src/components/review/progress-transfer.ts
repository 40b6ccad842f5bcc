import { loadDrillHistory, mergeDrillHistory, replaceDrillHistory } from '../../lib/drill/storage.ts';
import { emit, html, requiredElement } from '../../lib/dom.ts';
import { plural } from '../../lib/plural.ts';
import { buildProgressFile, progressFileName } from '../../lib/progress-file/file.ts';
import { startImport, type ImportJob } from '../../lib/progress-file/import-client.ts';
import type { ImportPreview, ImportProgress } from '../../lib/progress-file/import-protocol.ts';
import { checkImportSize } from '../../lib/progress-file/import-size.ts';
import {
  describeDrillsNotSaved,
  describeExport,
  describeImportFailure,
  describePreview,
  describeStage,
  EXPORT_FAILED,
  IMPORT_STOPPED,
  UNREADABLE_EXPORT,
  UNREADABLE_IMPORT,
} from '../../lib/progress-file/import-wording.ts';
import type { ReviewSettings } from '../../lib/review-log/schema.ts';
import type { ProgressLog } from '../../lib/store/progress-log.ts';
import { LogUnreadableError } from '../../lib/store/progress-store.ts';
import { isQuotaError, type StorageHealth } from '../../lib/store/storage-status.ts';
import { WorkerError } from '../../lib/worker-rpc.ts';

/** Where the progress being exported lives, and where an import goes. */
export interface TransferSource {
  /** The write path in use (its store, after a failed write, is the session's copy in memory). */
  log(): ProgressLog;
  /** The settings in use now (they travel in the file). */
  settings(): ReviewSettings;
  /** Whether the stored log can be read: importing over an unreadable one is refused. */
  health: StorageHealth;
}

export type ImportMode = 'merge' | 'replace';

const required = <T extends Element>(root: ParentNode, selector: string): T =>
  requiredElement<T>(root, selector, 'progress-transfer');

/**
 * <progress-transfer>: "Export progress" and "Import progress". Files up to
 * 64 MB are read, validated, compared and written by a module worker, with a
 * progress bar; leaving while it works asks first. After an import it emits
 * `progress-imported`, so the review reloads what changed.
 */
export class ProgressTransfer extends HTMLElement {
  #source: TransferSource | null = null;
  #job: ImportJob | null = null;
  #previewed: ImportPreview | null = null;
  readonly #export = required<HTMLButtonElement>(this, '[data-export]');
  readonly #file = required<HTMLInputElement>(this, '[data-import-file]');
  readonly #preview = required<HTMLElement>(this, '[data-import-preview]');
  readonly #summary = required<HTMLElement>(this, '[data-import-summary]');
  readonly #confirm = required<HTMLButtonElement>(this, '[data-import-confirm]');
  readonly #cancel = required<HTMLButtonElement>(this, '[data-import-cancel]');
  readonly #progress = required<HTMLElement>(this, '[data-import-progress]');
  readonly #progressBar = required<HTMLProgressElement>(this, '[data-import-progress] progress');
  readonly #progressText = required<HTMLElement>(this, '[data-import-progress-text]');
  readonly #error = required<HTMLElement>(this, '[data-import-error]');
  readonly #status = required<HTMLElement>(this, '[data-import-status]');

  connectedCallback(): void {
    this.#export.addEventListener('click', () => void this.#exportFile());
    this.#file.addEventListener('change', () => void this.#previewImport());
    this.#cancel.addEventListener('click', () => this.#cancelImport());
    this.#confirm.addEventListener('click', () => void this.#confirmImport());
  }

  disconnectedCallback(): void {
    this.#closePreview();
    this.#working(null);
  }

  /** Enables export and import once the progress store is open. */
  connectSource(source: TransferSource): void {
    this.#source = source;
    this.#export.disabled = false;
    this.#file.disabled = false;
  }

  async #exportFile(): Promise<void> {
    const source = this.#source;
    if (!source) return;
    this.#error.textContent = '';
    this.#status.textContent = '';
    let loaded, visits;
    try {
      [loaded, visits] = await Promise.all([source.log().store.load(), source.log().store.loadVisitTimes()]);
    } catch (cause) {
      this.#error.textContent = cause instanceof LogUnreadableError ? UNREADABLE_EXPORT : EXPORT_FAILED;
      return;
    }
    const now = Date.now();
    const file = buildProgressFile(loaded.entries, source.settings(), now, loadDrillHistory(), loaded.marks, visits);
    const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 1)], { type: 'application/json' }));
    const link = html('a', { attrs: { href: url, download: progressFileName(now) } });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.#status.textContent = describeExport(file.log.length, loaded.unreadable);
  }

  async #previewImport(): Promise<void> {
    const source = this.#source;
    const file = this.#file.files?.[0];
    this.#error.textContent = '';
    this.#status.textContent = '';
    if (!source || !file) return;
    const refusal = checkImportSize(file.size) ?? (source.health.status().canRate ? null : UNREADABLE_IMPORT);
    this.#closePreview();
    if (refusal) {
      this.#error.textContent = refusal;
      return;
    }
    const store = source.log().store;
    // A store in this page's memory cannot be reached from the worker: its log is sent along.
    const stored = store.persistent ? undefined : (await store.load()).entries;
    this.#working('Reading the file…');
    const job = startImport(file, {
      now: Date.now(),
      ...(stored ? { stored } : {}),
      onProgress: (progress) => this.#showProgress(progress),
    });
    this.#job = job;
    let preview: ImportPreview;
    try {
      preview = await job.preview;
    } catch (error) {
      if (this.#job !== job) return;
      this.#working(null);
      this.#closePreview();
      this.#error.textContent = error instanceof WorkerError ? error.message : IMPORT_STOPPED;
      return;
    }
    if (this.#job !== job) return;
    this.#working(null);
    this.#previewed = preview;
    this.#summary.textContent = describePreview(file.name, preview);
    this.#preview.hidden = false;
    this.#preview.querySelector<HTMLInputElement>('input[value="merge"]')?.click();
    this.#preview.focus();
  }

  #cancelImport(): void {
    this.#closePreview();
    this.#status.textContent = 'Import cancelled; nothing was changed.';
    this.#file.focus();
  }

  async #confirmImport(): Promise<void> {
    const source = this.#source;
    const file = this.#previewed;
    const job = this.#job;
    if (!source || !file || !job) return;
    const checked = this.#preview.querySelector<HTMLInputElement>('input[name="import-mode"]:checked');
    const mode: ImportMode = checked?.value === 'replace' ? 'replace' : 'merge';
    this.#confirm.disabled = true;
    this.#working(`Saving ${plural(file.logLength, 'review')}…`);
    // Drill history lives beside the review log, in localStorage (a few MB): written first, so a
    // file whose drills do not fit changes nothing, and put back if the log then fails. A file
    // without drills leaves this browser's alone.
    const drills = file.drills
      ? replaceDrillHistory(mode === 'replace' ? file.drills : mergeDrillHistory(loadDrillHistory(), file.drills))
      : undefined;
    if (drills === null) {
      this.#working(null);
      this.#confirm.disabled = false;
      this.#error.textContent = describeDrillsNotSaved(file.drills?.length ?? 0);
      return;
    }
    try {
      const log = source.log();
      // One IndexedDB transaction, written by the worker: all of it or nothing. In memory, through the write path.
      const result = await (
        log.store.persistent
          ? job.commit(mode)
          : job
              .contents()
              .then(({ entries, marks, visits }) => log.importLog(entries, mode, file.settings, marks, visits))
      ).catch((error: unknown) => {
        drills?.restore();
        throw error;
      });
      this.#working('Loading the imported progress…');
      const reloads: Promise<void>[] = [];
      emit(this, 'progress-imported', { mode, waitUntil: (work) => reloads.push(work) });
      await Promise.all(reloads);
      this.#closePreview();
      this.#status.textContent =
        mode === 'replace'
          ? `Progress replaced: ${plural(result.total, 'review')} now stored.`
          : `Imported: ${plural(result.added, 'new review')} added, ${plural(result.total, 'review')} now stored.`;
      this.#file.focus();
    } catch (cause) {
      this.#error.textContent =
        cause instanceof WorkerError ? cause.message : describeImportFailure(isQuotaError(cause) ? 'quota' : 'other');
    } finally {
      this.#working(null);
      this.#confirm.disabled = false;
    }
  }

  /** While the worker reads or writes, leaving the page would lose the import: the browser asks first. */
  readonly #guardLeaving = (event: BeforeUnloadEvent): void => event.preventDefault();

  #working(stage: string | null): void {
    this.#progress.hidden = stage === null;
    this.#progressText.textContent = stage ?? '';
    if (stage === null) {
      window.removeEventListener('beforeunload', this.#guardLeaving);
      this.#progressBar.removeAttribute('value');
    } else window.addEventListener('beforeunload', this.#guardLeaving);
  }

  #showProgress(progress: ImportProgress): void {
    const text = describeStage(progress);
    if (this.#progressText.textContent !== text) this.#progressText.textContent = text;
    if (progress.stage === 'checking' && progress.total > 0) this.#progressBar.value = progress.done / progress.total;
    else this.#progressBar.removeAttribute('value');
  }

  #closePreview(): void {
    this.#job?.cancel();
    this.#job = null;
    this.#previewed = null;
    this.#preview.hidden = true;
    this.#file.value = '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'progress-transfer': ProgressTransfer;
  }
  interface HTMLElementEventMap {
    /**
     * Progress was imported into the store: whatever shows it must reload, and
     * hands its reload to `waitUntil` so the import reports done only after it.
     */
    'progress-imported': CustomEvent<{ mode: ImportMode; waitUntil(work: Promise<void>): void }>;
  }
}

customElements.define('progress-transfer', ProgressTransfer);
