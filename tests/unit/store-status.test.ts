import { expect, test } from 'vitest';
import {
  NOT_SAVED_HEADLINE,
  OPEN_FAILED_MESSAGE,
  PARTLY_READ_HEADLINE,
  QUOTA_MESSAGE,
  READ_FAILED_MESSAGE,
  SAVED_HEADLINE,
  StorageHealth,
  WRITE_FAILED_MESSAGE,
} from '../../src/lib/store/storage-status.ts';

const read = { kind: 'read', unreadable: 0, unreadableCards: 0, invalid: 0 } as const;

test('nothing is claimed before the database has opened', () => {
  expect(new StorageHealth().status()).toMatchObject({ saved: false, headline: NOT_SAVED_HEADLINE });
});

test('opened and read: saved, with no problem to show', () => {
  const health = new StorageHealth();
  health.record({ kind: 'opened' });
  health.record(read);
  expect(health.status()).toEqual({ saved: true, canRate: true, headline: SAVED_HEADLINE, problems: [] });
  expect(health.settingsMessage()).toBe('Settings saved.');
});

test('a store that never opened stays "not saved" after writes to memory succeed', () => {
  const health = new StorageHealth();
  health.record({ kind: 'open-failed' });
  health.record(read);
  health.record({ kind: 'written' });
  expect(health.status()).toMatchObject({
    saved: false,
    headline: NOT_SAVED_HEADLINE,
    problems: [OPEN_FAILED_MESSAGE],
  });
  expect(health.settingsMessage()).toMatch(/for this tab only/);
});

test('a failed write says why (quota or not), and a later successful write clears it', () => {
  const health = new StorageHealth();
  health.record({ kind: 'opened' });
  health.record(read);
  health.record({ kind: 'write-failed', error: new DOMException('full', 'QuotaExceededError') });
  expect(health.status()).toMatchObject({ saved: false, problems: [QUOTA_MESSAGE] });
  health.record({ kind: 'write-failed', error: new DOMException('gone', 'AbortError') });
  expect(health.status()).toMatchObject({ saved: false, problems: [WRITE_FAILED_MESSAGE] });
  health.record({ kind: 'written' });
  expect(health.status()).toMatchObject({ saved: true, problems: [] });
});

test('an unreadable log pauses rating; a partly readable one names what it left out', () => {
  const unreadable = new StorageHealth();
  unreadable.record({ kind: 'opened' });
  unreadable.record({ kind: 'read-failed' });
  expect(unreadable.status()).toMatchObject({ saved: false, canRate: false, problems: [READ_FAILED_MESSAGE] });

  const partly = new StorageHealth();
  partly.record({ kind: 'opened' });
  partly.record({ ...read, unreadable: 3, unreadableCards: 2, invalid: 1 });
  expect(partly.status()).toMatchObject({
    saved: true,
    canRate: true,
    headline: PARTLY_READ_HEADLINE,
    problems: [
      expect.stringMatching(/^3 stored reviews \(of 2 cards\) could not be read\. Those cards are left out/),
      '1 stored review could not be understood and is ignored.',
    ],
  });
});

test('listeners hear every change', () => {
  const health = new StorageHealth();
  const heard: boolean[] = [];
  health.subscribe((status) => heard.push(status.saved));
  health.record({ kind: 'opened' });
  health.record(read);
  health.record({ kind: 'write-failed', error: new Error('x') });
  expect(heard).toEqual([false, true, false]);
});
