import { newEntryId } from './entry-id.ts';
import type { MarkEntry, MarkKind } from './schema.ts';

/** A new mark with a random id, as every device makes them (ids never collide, so merging is a union). */
export function newMark(kind: MarkKind, cardId: string, at: number): MarkEntry {
  return { id: newEntryId(), kind, cardId, at };
}
