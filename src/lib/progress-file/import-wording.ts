import { plural } from '../plural.ts';
import { describeInterval } from '../srs/format.ts';
import type { ImportFailureReason, ImportPreview, ImportProgress } from './import-protocol.ts';
import { CONFLICT_RULE, type MergeSummary } from '../review-log/merge.ts';

/** What export and import say: the words of <progress-transfer>, kept apart from its DOM. */

const isAre = (n: number) => (n === 1 ? 'is' : 'are');

export const UNREADABLE_EXPORT =
  'Export failed: the stored reviews could not be read, so there is nothing to put in a file. Reload the page and try again.';
export const EXPORT_FAILED = 'Export failed: the stored reviews could not be read. Reload the page and try again.';
export const UNREADABLE_IMPORT =
  'You cannot import while the stored reviews cannot be read: merging needs them, and replacing would discard them. Reload the page and try again. Nothing was changed.';
export const IMPORT_STOPPED = 'The import stopped (the browser ended its worker). Nothing was changed.';

/** What merging would do to the stored log, conflicts apart from what is already here. */
export function describeMerge(plan: MergeSummary): string {
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
export function describeClamped(clamped: number, maxAheadMs: number): string {
  if (clamped === 0) return '';
  return ` ${plural(clamped, 'review')} ${isAre(clamped)} dated up to ${describeInterval(maxAheadMs)} in the future (the other device’s clock runs ahead); ${clamped === 1 ? 'it is' : 'they are'} dated to now.`;
}

/** The preview of an import: what the file holds, what merging adds, what replacing discards. */
export function describePreview(fileName: string, preview: ImportPreview): string {
  const { logLength, marks, clamped, maxAheadMs, merge, storedCount } = preview;
  const held = marks > 0 ? ` and ${plural(marks, 'suspension or burial', 'suspensions and burials')}` : '';
  return (
    `“${fileName}” holds ${plural(logLength, 'review')}${held}.${describeClamped(clamped, maxAheadMs)} ` +
    `${describeMerge(merge)} ` +
    `Replacing would discard this browser’s ${plural(storedCount, 'review')} and use the file’s settings.`
  );
}

/** The line beside the progress bar while the worker reads, checks, compares or writes. */
export function describeStage(progress: ImportProgress): string {
  switch (progress.stage) {
    case 'reading':
      return 'Reading the file…';
    case 'checking':
      return 'Checking the reviews in the file…';
    case 'comparing':
      return 'Comparing with the progress stored here…';
    case 'writing':
      return `Saving ${plural(progress.total, 'review')}…`;
  }
}

export function describeExport(exported: number, unreadable: number): string {
  return unreadable > 0
    ? `Exported ${plural(exported, 'review')}; ${plural(unreadable, 'stored review')} could not be read and ${isAre(unreadable)} not in the file.`
    : `Exported ${plural(exported, 'review')}.`;
}

/** Why a confirmed import was not saved. */
export function describeImportFailure(reason: ImportFailureReason): string {
  return reason === 'unreadable'
    ? UNREADABLE_IMPORT
    : reason === 'quota'
      ? 'The import could not be saved: storage is full. Nothing was changed; free some space and try again.'
      : 'The import could not be saved (storage is blocked or was cleared). Nothing was changed.';
}

/** The file's drills did not fit in localStorage: the import stopped before writing anything. */
export function describeDrillsNotSaved(drills: number): string {
  const count = `${drills.toLocaleString('en')} ${drills === 1 ? 'drill' : 'drills'}`;
  return `The import could not be saved: the file’s drill history (${count}) does not fit in this browser’s storage for drills (or it is blocked). Nothing was changed: your reviews and drills are as they were.`;
}
