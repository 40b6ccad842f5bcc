import { describe, expect, test } from 'vitest';
import { holdKeyAction } from '../../src/lib/review/hold-keys.ts';
import { reviewKeyAction, type KeyPress, type ReviewKeyState } from '../../src/lib/review/review-keys.ts';

const press = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...modifiers,
});
const question: ReviewKeyState = { hasCard: true, revealed: false, onControl: false };
const answer: ReviewKeyState = { hasCard: true, revealed: true, onControl: false };

describe('reviewKeyAction', () => {
  test('Space or Enter shows the answer, unless focus is on a control that handles them', () => {
    expect(reviewKeyAction(press(' '), question)).toEqual({ type: 'reveal' });
    expect(reviewKeyAction(press('Enter'), question)).toEqual({ type: 'reveal' });
    expect(reviewKeyAction(press(' '), { ...question, onControl: true })).toBeNull();
    expect(reviewKeyAction(press(' '), answer)).toBeNull();
  });

  test('1–4 rate only once the answer shows', () => {
    expect(['1', '2', '3', '4'].map((key) => reviewKeyAction(press(key), answer))).toEqual([
      { type: 'rate', grade: 1 },
      { type: 'rate', grade: 2 },
      { type: 'rate', grade: 3 },
      { type: 'rate', grade: 4 },
    ]);
    expect(reviewKeyAction(press('3'), question)).toBeNull();
    expect(reviewKeyAction(press('5'), answer)).toBeNull();
    expect(reviewKeyAction(press('3', { altKey: true }), answer)).toBeNull();
  });

  test('Ctrl/⌘+Z undoes, even after the last card; with Shift it is left to the browser', () => {
    const done: ReviewKeyState = { hasCard: false, revealed: false, onControl: false };
    expect(reviewKeyAction(press('z', { ctrlKey: true }), done)).toEqual({ type: 'undo' });
    expect(reviewKeyAction(press('Z', { metaKey: true }), answer)).toEqual({ type: 'undo' });
    expect(reviewKeyAction(press('z', { ctrlKey: true, shiftKey: true }), answer)).toBeNull();
    expect(reviewKeyAction(press(' '), done)).toBeNull();
  });
});

describe('holdKeyAction', () => {
  test('- buries and @ suspends (Shift allowed, as @ needs it), with or without the answer showing', () => {
    expect(holdKeyAction(press('-'))).toBe('bury');
    expect(holdKeyAction(press('@', { shiftKey: true }))).toBe('suspend');
  });

  test('no clash with the review keys: they are not hold keys, and hold keys are not review keys', () => {
    for (const key of [' ', 'Enter', '1', '2', '3', '4', 'z']) expect(holdKeyAction(press(key))).toBeNull();
    for (const key of ['-', '@']) {
      expect(reviewKeyAction(press(key), question)).toBeNull();
      expect(reviewKeyAction(press(key), answer)).toBeNull();
    }
  });

  test('with Ctrl, ⌘ or Alt the keys belong to the browser', () => {
    expect(holdKeyAction(press('-', { ctrlKey: true }))).toBeNull();
    expect(holdKeyAction(press('-', { metaKey: true }))).toBeNull();
    expect(holdKeyAction(press('@', { altKey: true, shiftKey: true }))).toBeNull();
  });
});
