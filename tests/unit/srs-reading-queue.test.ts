import { expect, test } from 'vitest';
import { buildQueue, type ReadingFirst } from '../../src/lib/srs/queue.ts';
import { replayLog } from '../../src/lib/srs/replay.ts';
import { createScheduler, Rating } from '../../src/lib/srs/scheduler.ts';
import { entry } from '../fixtures/review/entries.ts';

// Deck order is reading order: guide /a/ (a1, a2), then /b/ (b1, b2), then /c/ (c1).
const deck = ['a1', 'a2', 'b1', 'b2', 'c1'];
const pageOf = (cardId: string) => `/${cardId[0] ?? ''}/`;
const s = createScheduler({ desiredRetention: 0.9, maximumInterval: 36500 });
const NOW = Date.UTC(2026, 0, 11, 12);
const reading = (visited: string[], onlyRead: boolean): ReadingFirst => ({
  pageOf,
  visited: new Set(visited),
  onlyRead,
});
const fresh = (queue: { fresh: { cardId: string }[] }) => queue.fresh.map((item) => item.cardId);

test('new cards of opened guides come first, in reading order, then the unread ones', () => {
  const queue = buildQueue({
    cardIds: deck,
    states: new Map(),
    now: NOW,
    newPerDay: 20,
    reading: reading(['/c/', '/b/'], false),
  });
  expect(fresh(queue)).toEqual(['b1', 'b2', 'c1', 'a1', 'a2']);
  expect(queue.waitingUnread).toBe(0);
});

test('"only cards from guides I have read" holds the unread ones back and counts them', () => {
  const queue = buildQueue({
    cardIds: deck,
    states: new Map(),
    now: NOW,
    newPerDay: 20,
    reading: reading(['/b/'], true),
  });
  expect(fresh(queue)).toEqual(['b1', 'b2']);
  expect(queue.waitingUnread).toBe(3);
});

test('the daily limit applies after the reading order: read guides fill it first', () => {
  const queue = buildQueue({
    cardIds: deck,
    states: new Map(),
    now: NOW,
    newPerDay: 3,
    reading: reading(['/c/'], false),
  });
  expect(fresh(queue)).toEqual(['c1', 'a1', 'a2']);
});

test('before any guide is opened every card is offered in reading order, so /review/ works on its own', () => {
  const queue = buildQueue({ cardIds: deck, states: new Map(), now: NOW, newPerDay: 20, reading: reading([], true) });
  expect(fresh(queue)).toEqual(deck);
  expect(queue.waitingUnread).toBe(0);
});

test('a card answered in a guide is no longer new, whatever guide it is in', () => {
  const states = replayLog(s, [entry('a1', Rating.Good, NOW - 60_000, { source: 'reading' })]);
  const queue = buildQueue({ cardIds: deck, states, now: NOW, newPerDay: 20, reading: reading(['/a/'], true) });
  expect(fresh(queue)).toEqual(['a2']);
  expect(queue.learning.map((item) => item.cardId)).toEqual(['a1']);
  // Not counted among the cards waiting in unread guides either.
  expect(queue.waitingUnread).toBe(3);
});

test('?page= takes the cards written on a guide, not those of other guides that link to it', async () => {
  const { cardsOfPage } = await import('../../src/lib/review/deck.ts');
  const cards = [
    { id: 'a1', concept: '/a/#x', concepts: ['/a/#x'] },
    { id: 'b1', concept: '/b/', concepts: ['/b/', '/a/#x'] },
    { id: 'a2', concept: '/a/', concepts: ['/a/'] },
  ] as unknown as Parameters<typeof cardsOfPage>[0];
  expect(cardsOfPage(cards, '/a/').map((card) => card.id)).toEqual(['a1', 'a2']);
  expect(cardsOfPage(cards, null)).toHaveLength(3);
});

test('held cards (suspended, buried) neither follow reading nor count as waiting in unread guides', () => {
  const queue = buildQueue({
    cardIds: deck,
    states: new Map(),
    now: NOW,
    newPerDay: 20,
    reading: reading(['/a/'], true),
    held: new Set(['a1', 'b1']),
  });
  expect(fresh(queue)).toEqual(['a2']);
  expect(queue.waitingUnread).toBe(2);
});
