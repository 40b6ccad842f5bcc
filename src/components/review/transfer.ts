import { loadDrillHistory, mergeDrillHistory, saveDrillHistory } from '../../lib/drill/storage.ts';
import { buildProgressFile, parseProgressFile, progressFileName } from '../../lib/progress/file.ts';
import { mergeLogs, type MergePlan } from '../../lib/progress/merge.ts';
import type { ProgressFile } from '../../lib/progress/schema.ts';
import type { ReviewSession } from '../../lib/review/session.ts';
import { describeInterval } from '../../lib/srs/format.ts';
import { LogUnreadableError } from '../../lib/store/progress-store.ts';
import { isQuotaError } from '../../lib/store/storage-status.ts';
import type { SyncMessage } from '../../lib/store/sync.ts';
import { requiredElement } from '../../lib/dom.ts';
import { plural } from '../../lib/plural.ts';

interface TransferHooks {
  session: () => ReviewSession | null;
  afterImport: () => Promise<void>;
  broadcast: (message: SyncMessage) => void;
}

const pick = <T extends Element>(root: ParentNode, selector: string): T =>
  requiredElement<T>(root, selector, 'progress transfer');

const isAre = (n: number) => (n === 1 ? 'is' : 'are');

/** What merging would do to the stored log, conflicts apart from what is already here. */
function describeMerge(plan: MergePlan): string {
  const cards = new Set(plan.added.map((entry) => entry.cardId)).size;
  const parts = [
    `Merging adds ${plural(plan.added.length, 'review')} of ${plural(cards, 'card')}; ${plan.unchanged} ${isAre(plan.unchanged)} already here.`,
  ];
  if (plan.conflicts > 0) {
    const kept = [
      plan.keptIncoming > 0 ? `${plan.keptIncoming} from the file` : '',
      plan.keptStored > 0 ? `${plan.keptStored} stored` : '',
    ].filter(Boolean);
    parts.push(
      `${plural(plan.conflicts, 'review')} ${plan.conflicts === 1 ? 'conflicts with a stored one' : 'conflict with stored ones'} (same id, different content); kept: ${kept.join(', ')} (of two copies, the earlier review is kept).`,
    );
  }
  return parts.join(' ');
}

/** Entries dated ahead beyond the clock-skew tolerance, which the import dates to now. */
function describeClamped(clamped: number, maxAheadMs: number): string {
  if (clamped === 0) return '';
  return ` ${plural(clamped, 'review')} ${isAre(clamped)} dated up to ${describeInterval(maxAheadMs)} in the future (the other device’s clock runs ahead); ${clamped === 1 ? 'it is' : 'they are'} dated to now.`;
}

const UNREADABLE_EXPORT =
  'Export failed: the stored reviews could not be read, so there is nothing to put in a file. Reload the page and try again.';
const UNREADABLE_IMPORT =
  'You cannot import while the stored reviews cannot be read: merging needs them, and replacing would discard them. Reload the page and try again. Nothing was changed.';

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
    error.textContent = '';
    status.textContent = '';
    let loaded;
    try {
      loaded = await session.store.load();
    } catch (cause) {
      error.textContent =
        cause instanceof LogUnreadableError
          ? UNREADABLE_EXPORT
          : 'Export failed: the stored reviews could not be read. Reload the page and try again.';
      return;
    }
    const { entries, unreadable } = loaded;
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
    status.textContent =
      unreadable > 0
        ? `Exported ${plural(file.log.length, 'review')}; ${plural(unreadable, 'stored review')} could not be read and ${isAre(unreadable)} not in the file.`
        : `Exported ${plural(file.log.length, 'review')}.`;
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
    const result = parseProgressFile(await file.text(), Date.now());
    if (!result.ok) {
      closePreview();
      error.textContent = result.message;
      return;
    }
    let entries;
    try {
      ({ entries } = await session.store.load());
    } catch {
      closePreview();
      error.textContent = UNREADABLE_IMPORT;
      return;
    }
    pending = result.file;
    const plan = mergeLogs(entries, result.file.log);
    summary.textContent =
      `“${file.name}” holds ${plural(result.file.log.length, 'review')}.${describeClamped(result.clamped, result.maxAheadMs)} ` +
      `${describeMerge(plan)} ` +
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
    } catch (cause) {
      error.textContent =
        cause instanceof LogUnreadableError
          ? UNREADABLE_IMPORT
          : isQuotaError(cause)
            ? 'The import could not be saved: storage is full. Nothing was changed; free some space and try again.'
            : 'The import could not be saved (storage is blocked or was cleared). Nothing was changed.';
    } finally {
      confirm.disabled = false;
    }
  });

  exportButton.disabled = false;
  fileInput.disabled = false;
}
