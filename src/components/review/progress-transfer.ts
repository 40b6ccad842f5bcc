import { loadDrillHistory, mergeDrillHistory, saveDrillHistory } from '../../lib/drill/storage.ts';
import { emit, html, requiredElement } from '../../lib/dom.ts';
import { plural } from '../../lib/plural.ts';
import { buildProgressFile, parseProgressFile, progressFileName } from '../../lib/progress/file.ts';
import { mergeLogs } from '../../lib/progress/merge.ts';
import type { ProgressFile, ReviewSettings } from '../../lib/progress/schema.ts';
import type { ProgressStore } from '../../lib/store/progress-store.ts';

/** Where the progress being exported lives, and where an import goes. */
export interface TransferSource {
  store: ProgressStore;
  /** The settings in use now (they travel in the file). */
  settings(): ReviewSettings;
}

export type ImportMode = 'merge' | 'replace';

const required = <T extends Element>(root: ParentNode, selector: string): T =>
  requiredElement<T>(root, selector, 'progress-transfer');

/**
 * <progress-transfer>: "Export progress" and "Import progress" (validate, preview,
 * then merge or replace). After an import it emits `progress-imported`, so the
 * review reloads what changed.
 */
export class ProgressTransfer extends HTMLElement {
  #source: TransferSource | null = null;
  #pending: ProgressFile | null = null;
  readonly #export = required<HTMLButtonElement>(this, '[data-export]');
  readonly #file = required<HTMLInputElement>(this, '[data-import-file]');
  readonly #preview = required<HTMLElement>(this, '[data-import-preview]');
  readonly #summary = required<HTMLElement>(this, '[data-import-summary]');
  readonly #confirm = required<HTMLButtonElement>(this, '[data-import-confirm]');
  readonly #cancel = required<HTMLButtonElement>(this, '[data-import-cancel]');
  readonly #error = required<HTMLElement>(this, '[data-import-error]');
  readonly #status = required<HTMLElement>(this, '[data-import-status]');

  connectedCallback(): void {
    this.#export.addEventListener('click', () => void this.#exportFile());
    this.#file.addEventListener('change', () => void this.#previewImport());
    this.#cancel.addEventListener('click', () => this.#cancelImport());
    this.#confirm.addEventListener('click', () => void this.#confirmImport());
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
    const { entries } = await source.store.load();
    const now = Date.now();
    const file = buildProgressFile(entries, source.settings(), now, loadDrillHistory());
    const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 1)], { type: 'application/json' }));
    const link = html('a', { attrs: { href: url, download: progressFileName(now) } });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.#status.textContent = `Exported ${plural(file.log.length, 'review')}.`;
  }

  async #previewImport(): Promise<void> {
    const source = this.#source;
    const file = this.#file.files?.[0];
    this.#error.textContent = '';
    this.#status.textContent = '';
    if (!source || !file) return;
    const result = parseProgressFile(await file.text());
    if (!result.ok) {
      this.#closePreview();
      this.#error.textContent = result.message;
      return;
    }
    this.#pending = result.file;
    const { entries } = await source.store.load();
    const plan = mergeLogs(entries, result.file.log);
    const cards = new Set(plan.added.map((entry) => entry.cardId)).size;
    this.#summary.textContent =
      `“${file.name}” holds ${plural(result.file.log.length, 'review')}. ` +
      `Merging adds ${plural(plan.added.length, 'review')} of ${plural(cards, 'card')}; ` +
      `${plan.unchanged + plan.conflicts} are already here. ` +
      `Replacing would discard this browser’s ${plural(entries.length, 'review')} and use the file’s settings.`;
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
    const file = this.#pending;
    if (!source || !file) return;
    const checked = this.#preview.querySelector<HTMLInputElement>('input[name="import-mode"]:checked');
    const mode: ImportMode = checked?.value === 'replace' ? 'replace' : 'merge';
    this.#confirm.disabled = true;
    try {
      const result = await source.store.importLog(file.log, mode, file.settings);
      // Drill history lives beside the review log; a file without drills leaves this browser's alone.
      if (file.drills)
        saveDrillHistory(mode === 'replace' ? file.drills : mergeDrillHistory(loadDrillHistory(), file.drills));
      emit(this, 'progress-imported', { mode });
      this.#closePreview();
      this.#status.textContent =
        mode === 'replace'
          ? `Progress replaced: ${plural(result.total, 'review')} now stored.`
          : `Imported: ${plural(result.added, 'new review')} added, ${plural(result.total, 'review')} now stored.`;
      this.#file.focus();
    } catch {
      this.#error.textContent = 'The import could not be saved (storage is full or blocked). Nothing was changed.';
    } finally {
      this.#confirm.disabled = false;
    }
  }

  #closePreview(): void {
    this.#pending = null;
    this.#preview.hidden = true;
    this.#file.value = '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'progress-transfer': ProgressTransfer;
  }
  interface HTMLElementEventMap {
    /** Progress was imported into the store: whatever shows it must reload. */
    'progress-imported': CustomEvent<{ mode: ImportMode }>;
  }
}

customElements.define('progress-transfer', ProgressTransfer);
