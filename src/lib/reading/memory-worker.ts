import { DEFAULT_SETTINGS } from '../review-log/constants.ts';
import type { ReviewEntry } from '../review-log/schema.ts';
import { logFingerprint } from '../srs/log-fingerprint.ts';
import type { ReplaySnapshot } from '../srs/replay-cache.ts';
import { openProgressDb } from '../store/db.ts';
import { recordVisit } from '../store/visits.ts';
import { cardMemories } from './card-memories.ts';
import type { MemoryCalls } from './reading-protocol.ts';
import { serve } from '../worker-rpc.ts';

// The guide overlay's data, in a small module worker started when the page is idle: records the
// visit, then reads the page's cards from the stored replay (the states /review/ and in-place grading
// save). It never loads the scheduler: when the stored replay is stale it says so, and the page has
// the grading worker redo it.

serve<MemoryCalls>({
  async memory({ page, cardIds, now }) {
    const db = await openProgressDb();
    try {
      await recordVisit(db, page, now);
      const counts = await Promise.all(cardIds.map((id) => db.countFromIndex('log', 'byCard', id)));
      if (counts.every((count) => count === 0)) return { memories: null, stale: false };
      const [entries, settings, snapshot] = await Promise.all([
        db.getAll('log') as Promise<ReviewEntry[]>,
        db.get('meta', 'settings'),
        db.get('meta', 'snapshot'),
      ]);
      const options = (settings as typeof DEFAULT_SETTINGS | undefined) ?? DEFAULT_SETTINGS;
      const stored = snapshot as ReplaySnapshot | undefined;
      if (stored?.fingerprint !== logFingerprint(entries, options)) return { memories: null, stale: true };
      return { memories: cardMemories(entries, new Map(stored.states), cardIds, now, options), stale: false };
    } finally {
      db.close();
    }
  },
});
