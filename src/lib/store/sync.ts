import { SYNC_CHANNEL } from '../review-log/constants.ts';
import type { MarkEntry, ReviewEntry } from '../review-log/schema.ts';

/** What one tab tells the others after changing the log. */
export type SyncMessage =
  | { type: 'appended'; entry: ReviewEntry }
  | { type: 'removed'; id: string; cardId: string }
  /** Suspensions or burials made (or undone) elsewhere. */
  | { type: 'marks'; added: MarkEntry[]; removed: string[] }
  /**
   * The settings were stored (retention, maximum interval, fitted parameters, the interview date):
   * the others read them back and replay with the new scheduler identity. The stored settings are
   * the truth, so the message carries none.
   */
  | { type: 'settings' }
  | { type: 'reload' };

/**
 * Keeps open tabs in step: each tab writes to the shared log, then tells the
 * others what changed so they update their queue instead of rating stale cards.
 */
export interface ProgressSync {
  post(message: SyncMessage): void;
  close(): void;
}

export function connectSync(onMessage: (message: SyncMessage) => void): ProgressSync {
  if (typeof BroadcastChannel === 'undefined') return { post() {}, close() {} };
  const channel = new BroadcastChannel(SYNC_CHANNEL);
  channel.addEventListener('message', (event: MessageEvent<SyncMessage>) => onMessage(event.data));
  return {
    post: (message) => channel.postMessage(message),
    close: () => channel.close(),
  };
}
