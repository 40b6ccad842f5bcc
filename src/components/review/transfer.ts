import { loadDrillHistory, mergeDrillHistory, saveDrillHistory } from '../../lib/drill/storage.ts';
import { buildProgressFile, parseProgressFile, progressFileName } from '../../lib/progress/file.ts';
import { mergeLogs } from '../../lib/progress/merge.ts';
import type { ProgressFile } from '../../lib/progress/schema.ts';
import type { ReviewSession } from '../../lib/review/session.ts';
import type { SyncMessage } from '../../lib/store/sync.ts';
import { requiredElement } from '../../lib/dom.ts';

interface TransferHooks {
  session: () => ReviewSession | null;
  afterImport: () => Promise<void>;
  broadcast: (message: SyncMessage) => void;
}

const pick = <T extends Element>(root: ParentNode, selector: string): T =>
  requiredElement<T>(root, selector, 'progress transfer');

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Wires "Export progress" and "Import progress" (validate, preview, then merge or replace). */
export function bindTransfer(root: ParentNode, hooks: TransferHooks): void {
  const exportButton = pick<HTMLButtonElement>(root, '[data-export]');
  const fileInput = pick<HTMLInputElement>(root, '[data-import-file]');
  const preview = pick<HTMLElement>(root, '[data-import-preview]');
  const summary = pick<HTMLElement>(root, '[data-import-summary]');
  const confirm = pick<HTMLButtonElement>(root, '[data-import-confirm]');
  const cancel = pick<HTMLButtonElement>(root, '[data-import-cancel]');
  const error = pick<HTMLElement>(root, '[data-import-error]');
  const status = pick<HTMLElement>(root, '[data-import-status]');
  let pending: ProgressFile | null = null;

  exportButton.addEventListener('click', async () => {
    const session = hooks.session();
    if (!session) return;
    const { entries } = await session.store.load();
    const now = Date.now();
    const file = buildProgressFile(entries, session.settings, now, loadDrillHistory());
    const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 1)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = progressFileName(now);
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    status.textContent = `Exported ${plural(file.log.length, 'review')}.`;
  });

  const closePreview = () => {
    pending = null;
    preview.hidden = true;
    fileInput.value = '';
  };

  fileInput.addEventListener('change', async () => {
    const session = hooks.session();
    const file = fileInput.files?.[0];
    error.textContent = '';
    status.textContent = '';
    if (!session || !file) return;
    const result = parseProgressFile(await file.text());
    if (!result.ok) {
      closePreview();
      error.textContent = result.message;
      return;
    }
    pending = result.file;
    const { entries } = await session.store.load();
    const plan = mergeLogs(entries, result.file.log);
    const cards = new Set(plan.added.map((entry) => entry.cardId)).size;
    summary.textContent =
      `“${file.name}” holds ${plural(result.file.log.length, 'review')}. ` +
      `Merging adds ${plural(plan.added.length, 'review')} of ${plural(cards, 'card')}; ` +
      `${plan.unchanged + plan.conflicts} are already here. ` +
      `Replacing would discard this browser’s ${plural(entries.length, 'review')} and use the file’s settings.`;
    preview.hidden = false;
    preview.querySelector<HTMLInputElement>('input[value="merge"]')?.click();
    preview.focus();
  });

  cancel.addEventListener('click', () => {
    closePreview();
    status.textContent = 'Import cancelled; nothing was changed.';
    fileInput.focus();
  });

  confirm.addEventListener('click', async () => {
    const session = hooks.session();
    const file = pending;
    if (!session || !file) return;
    const mode =
      preview.querySelector<HTMLInputElement>('input[name="import-mode"]:checked')?.value === 'replace'
        ? 'replace'
        : 'merge';
    confirm.disabled = true;
    try {
      const result = await session.store.importLog(file.log, mode, file.settings);
      // Drill history lives beside the review log; a file without drills leaves this browser's alone.
      if (file.drills)
        saveDrillHistory(mode === 'replace' ? file.drills : mergeDrillHistory(loadDrillHistory(), file.drills));
      hooks.broadcast({ type: 'reload' });
      await hooks.afterImport();
      closePreview();
      status.textContent =
        mode === 'replace'
          ? `Progress replaced: ${plural(result.total, 'review')} now stored.`
          : `Imported: ${plural(result.added, 'new review')} added, ${plural(result.total, 'review')} now stored.`;
      fileInput.focus();
    } catch {
      error.textContent = 'The import could not be saved (storage is full or blocked). Nothing was changed.';
    } finally {
      confirm.disabled = false;
    }
  });

  exportButton.disabled = false;
  fileInput.disabled = false;
}
