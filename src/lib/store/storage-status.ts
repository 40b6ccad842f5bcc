import { plural } from '../plural.ts';

/**
 * What actually happened to progress storage, and the one place the page's
 * storage status comes from: the open, the last read and the last write each
 * report here, and the status line, the settings and the transfer messages read
 * the result. Nothing else decides whether progress "is saved".
 */

export type StorageEvent =
  /** The database opened (or failed to: missing, `open` threw, the request failed). */
  | { kind: 'opened' }
  | { kind: 'open-failed' }
  /** The log was read: `unreadable` entries (of `unreadableCards` cards) failed, `invalid` failed validation. */
  | { kind: 'read'; unreadable: number; unreadableCards: number; invalid: number }
  /** Not even the keys of the log could be read. */
  | { kind: 'read-failed' }
  | { kind: 'written' }
  | { kind: 'write-failed'; error: unknown };

export interface StorageStatus {
  /** True only when the last write (or, before any, the open) reached IndexedDB and the log was read. */
  saved: boolean;
  /** Whether new answers may be written: false while the log cannot be read, so nothing is written over it. */
  canRate: boolean;
  /** The status line. */
  headline: string;
  /** Each problem in a sentence, for the warning. */
  problems: string[];
}

export const SAVED_HEADLINE = 'Progress is saved in this browser after every answer.';
export const NOT_SAVED_HEADLINE = 'Progress is NOT being saved.';
export const PARTLY_READ_HEADLINE = 'New answers are saved, but part of the stored progress cannot be read.';

export const OPEN_FAILED_MESSAGE =
  'This browser is not letting the site store data (private browsing, or storage is blocked or full). You can review, but progress will be lost when you close this tab. Export progress before leaving.';
export const QUOTA_MESSAGE =
  'Storage is full: your last answer could not be saved in this browser. Reviews continue for this tab only; export progress to keep them, then free some space.';
export const WRITE_FAILED_MESSAGE =
  'Your last answer could not be saved (the browser aborted the write, or cleared this site’s storage). Reviews continue for this tab only; export progress to keep them.';
export const READ_FAILED_MESSAGE =
  'Your saved progress could not be read, so reviewing is paused rather than treating reviewed cards as new and writing over their history. Reload the page to try again; if it keeps failing, restart the browser.';

/** True for the error a browser raises when the origin's storage quota is used up. */
export function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException
    ? error.name === 'QuotaExceededError'
    : error instanceof Error && /quota/iu.test(error.name + error.message);
}

/** What an unreadable part of the log means for this session. */
export function describeUnreadable(unreadable: number, unreadableCards: number): string {
  return `${plural(unreadable, 'stored review')} (of ${plural(unreadableCards, 'card')}) could not be read. ${
    unreadableCards === 1 ? 'That card is' : 'Those cards are'
  } left out of reviews so their history is not overwritten; export progress to keep everything that can be read.`;
}

export class StorageHealth {
  #open: 'unknown' | 'ok' | 'failed' = 'unknown';
  #read: { kind: 'unknown' } | { kind: 'failed' } | Extract<StorageEvent, { kind: 'read' }> = { kind: 'unknown' };
  #write: { kind: 'ok' } | { kind: 'failed'; quota: boolean } = { kind: 'ok' };
  readonly #listeners = new Set<(status: StorageStatus) => void>();

  /** Calls `listener` with the new status after every event. */
  subscribe(listener: (status: StorageStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  record(event: StorageEvent): void {
    switch (event.kind) {
      case 'opened':
        this.#open = 'ok';
        break;
      case 'open-failed':
        this.#open = 'failed';
        break;
      case 'read':
        this.#read = event;
        break;
      case 'read-failed':
        this.#read = { kind: 'failed' };
        break;
      case 'written':
        // A write that reached IndexedDB after a failed one: storage is back.
        if (this.#open === 'ok') this.#write = { kind: 'ok' };
        break;
      case 'write-failed':
        this.#write = { kind: 'failed', quota: isQuotaError(event.error) };
        break;
    }
    const status = this.status();
    for (const listener of this.#listeners) listener(status);
  }

  status(): StorageStatus {
    const problems: string[] = [];
    if (this.#open === 'failed') problems.push(OPEN_FAILED_MESSAGE);
    if (this.#read.kind === 'failed') problems.push(READ_FAILED_MESSAGE);
    if (this.#write.kind === 'failed') problems.push(this.#write.quota ? QUOTA_MESSAGE : WRITE_FAILED_MESSAGE);
    const read = this.#read;
    const partly = read.kind === 'read' && read.unreadable > 0;
    if (partly) problems.push(describeUnreadable(read.unreadable, read.unreadableCards));
    if (read.kind === 'read' && read.invalid > 0)
      problems.push(
        `${plural(read.invalid, 'stored review')} could not be understood and ${read.invalid === 1 ? 'is' : 'are'} ignored.`,
      );
    const saved = this.#open === 'ok' && this.#write.kind === 'ok' && read.kind === 'read';
    return {
      saved,
      canRate: read.kind !== 'failed',
      headline: !saved ? NOT_SAVED_HEADLINE : partly ? PARTLY_READ_HEADLINE : SAVED_HEADLINE,
      problems,
    };
  }

  /** What to say after saving settings, from whether they reached storage. */
  settingsMessage(): string {
    return this.status().saved ? 'Settings saved.' : 'Settings apply for this tab only: they could not be saved.';
  }
}
