import { loadDrillHistory, mergeDrillHistory, saveDrillHistory } from '../../lib/drill/storage.ts';
import { buildProgressFile, progressFileName } from '../../lib/progress/file.ts';
import {
  ImportFailedError,
  startImport,
  type ImportJob,
  type ImportProgress,
} from '../../lib/progress/import-client.ts';
import type { ImportPreview } from '../../lib/progress/import-protocol.ts';
import { checkImportSize } from '../../lib/progress/import-size.ts';
import { CONFLICT_RULE, type MergeSummary } from '../../lib/progress/merge.ts';
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
function describeMerge(plan: MergeSummary): string {
  const parts = [
    `Merging adds ${plural(plan.added, 'review')} of ${plural(plan.addedCards, 'card')}; ${plan.unchanged} ${isAre(plan.unchanged)} already here.`,
  ];
  if (plan.conflicts > 0) {
    const kept = [
      plan.keptIncoming > 0 ? `${plan.keptIncoming} from the file` : '',
      plan.keptStored > 0 ? `${plan.keptStored} stored` : '',
    ].filter(Boolean);
    parts.push(
      `${plural(plan.conflicts, 'review')} ${plan.conflicts === 1 ? 'conflicts with a stored one' : 'conflict with stored ones'} (same id, different content); kept: ${kept.join(', ')} (${CONFLICT_RULE}).`,
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
  const progressWrap = pick<HTMLElement>(root, '[data-import-progress]');
  const progressBar = pick<HTMLProgressElement>(root, '[data-import-progress] progress');
  const progressText = pick<HTMLElement>(root, '[data-import-progress-text]');

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

  let job: ImportJob | null = null;
  let previewed: ImportPreview | null = null;

  /** While the worker reads or writes, leaving the page would lose the import: the browser asks first. */
  const guardLeaving = (event: BeforeUnloadEvent) => event.preventDefault();
  const working = (stage: string | null) => {
    progressWrap.hidden = stage === null;
    progressText.textContent = stage ?? '';
    if (stage === null) {
      window.removeEventListener('beforeunload', guardLeaving);
      progressBar.removeAttribute('value');
    } else window.addEventListener('beforeunload', guardLeaving);
  };
  const showProgress = (progress: ImportProgress) => {
    const stages = {
      reading: 'Reading the file…',
      checking: `Checking the reviews in the file…`,
      comparing: 'Comparing with the progress stored here…',
      writing: `Saving ${plural(progress.total, 'review')}…`,
    };
    if (progressText.textContent !== stages[progress.stage]) progressText.textContent = stages[progress.stage];
    if (progress.stage === 'checking' && progress.total > 0) progressBar.value = progress.done / progress.total;
    else progressBar.removeAttribute('value');
  };

  const closePreview = () => {
    job?.cancel();
    job = null;
    previewed = null;
    preview.hidden = true;
    fileInput.value = '';
  };

  fileInput.addEventListener('change', async () => {
    const session = hooks.session();
    const file = fileInput.files?.[0];
    error.textContent = '';
    status.textContent = '';
    if (!session || !file) return;
    const refusal = checkImportSize(file.size) ?? (session.health.status().canRate ? null : UNREADABLE_IMPORT);
    if (refusal) {
      closePreview();
      error.textContent = refusal;
      return;
    }
    closePreview();
    // A store in this page's memory cannot be reached from the worker: its log is sent along.
    const stored = session.store.persistent ? undefined : (await session.store.load()).entries;
    working('Reading the file…');
    const current = startImport(file, { now: Date.now(), ...(stored ? { stored } : {}), onProgress: showProgress });
    job = current;
    const result = await current.preview.catch(() => ({
      ok: false as const,
      message: 'The file could not be read (the browser stopped the import). Nothing was changed.',
    }));
    if (job !== current) return;
    working(null);
    if (!result.ok) {
      closePreview();
      error.textContent = result.message;
      return;
    }
    previewed = result.preview;
    const { logLength, clamped, maxAheadMs, merge, storedCount } = result.preview;
    summary.textContent =
      `“${file.name}” holds ${plural(logLength, 'review')}.${describeClamped(clamped, maxAheadMs)} ` +
      `${describeMerge(merge)} ` +
      `Replacing would discard this browser’s ${plural(storedCount, 'review')} and use the file’s settings.`;
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
    const file = previewed;
    const current = job;
    if (!session || !file || !current) return;
    const mode =
      preview.querySelector<HTMLInputElement>('input[name="import-mode"]:checked')?.value === 'replace'
        ? 'replace'
        : 'merge';
    confirm.disabled = true;
    working(`Saving ${plural(file.logLength, 'review')}…`);
    try {
      // One IndexedDB transaction, written by the worker: all of it or nothing.
      const result = session.store.persistent
        ? await current.commit(mode)
        : await session.store.importLog(await current.entries(), mode, file.settings);
      // Drill history lives beside the review log; a file without drills leaves this browser's alone.
      if (file.drills)
        saveDrillHistory(mode === 'replace' ? file.drills : mergeDrillHistory(loadDrillHistory(), file.drills));
      hooks.broadcast({ type: 'reload' });
      working('Loading the imported progress…');
      await hooks.afterImport();
      closePreview();
      status.textContent =
        mode === 'replace'
          ? `Progress replaced: ${plural(result.total, 'review')} now stored.`
          : `Imported: ${plural(result.added, 'new review')} added, ${plural(result.total, 'review')} now stored.`;
      fileInput.focus();
    } catch (cause) {
      const reason = cause instanceof ImportFailedError ? cause.reason : isQuotaError(cause) ? 'quota' : 'other';
      error.textContent =
        reason === 'unreadable'
          ? UNREADABLE_IMPORT
          : reason === 'quota'
            ? 'The import could not be saved: storage is full. Nothing was changed; free some space and try again.'
            : 'The import could not be saved (storage is blocked or was cleared). Nothing was changed.';
    } finally {
      working(null);
      confirm.disabled = false;
    }
  });

  exportButton.disabled = false;
  fileInput.disabled = false;
}
