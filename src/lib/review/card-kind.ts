import type { CurrentCard } from './session.ts';

/** How a screen reader hears which kind of card comes up. */
export function cardKindLabel(kind: CurrentCard['kind']): string {
  switch (kind) {
    case 'cram':
      return 'Card';
    case 'new':
      return 'New card';
    case 'learning':
      return 'Learning card';
    default:
      return 'Review card';
  }
}
