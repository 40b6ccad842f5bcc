import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { GuideVisits, MarkEntry, ReviewEntry, ReviewSettings } from '../review-log/schema.ts';
import type { ReplaySnapshot } from '../srs/replay-cache.ts';

export const DB_NAME = 'vibe-check-progress';

/** The guides the reader has opened: page URL → first opened, epoch ms (read and written by `visits.ts`). */
export type { GuideVisits };

export interface ProgressDb extends DBSchema {
  /** The append-only review log, keyed by entry id. */
  log: { key: string; value: ReviewEntry; indexes: { byCard: string } };
  /** Small records: the user's settings, a cache of the replayed card states, the guides opened. */
  meta: { key: 'settings' | 'snapshot' | 'visits'; value: ReviewSettings | ReplaySnapshot | GuideVisits };
  /** Suspensions and burials, append-only like the log, keyed by mark id. */
  marks: { key: string; value: MarkEntry };
}

type UpgradeTx = IDBPTransaction<ProgressDb, ('log' | 'meta' | 'marks')[], 'versionchange'>;

/**
 * One step per database version, applied in order from the version on disk: a
 * browser that skipped versions runs every step it missed, and data written by
 * an older version is carried forward, never dropped.
 */
export type Migration = (db: IDBPDatabase<ProgressDb>, tx: UpgradeTx) => void;

export const MIGRATIONS: readonly Migration[] = [
  // 1: the log and the settings.
  (db) => {
    const log = db.createObjectStore('log', { keyPath: 'id' });
    log.createIndex('byCard', 'cardId');
    db.createObjectStore('meta');
  },
  // 2: suspensions and burials.
  (db) => {
    db.createObjectStore('marks', { keyPath: 'id' });
  },
];

export function applyMigrations(
  db: IDBPDatabase<ProgressDb>,
  tx: UpgradeTx,
  oldVersion: number,
  newVersion: number,
  migrations: readonly Migration[] = MIGRATIONS,
): void {
  for (let version = oldVersion + 1; version <= newVersion; version++) {
    const step = migrations[version - 1];
    if (!step) throw new Error(`No migration to database version ${version}`);
    step(db, tx);
  }
}

/** Opens (creating or upgrading) the progress database. */
export async function openProgressDb(
  name: string = DB_NAME,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<IDBPDatabase<ProgressDb>> {
  const opened: IDBPDatabase<ProgressDb> = await openDB<ProgressDb>(name, migrations.length, {
    upgrade(db, oldVersion, newVersion, tx) {
      applyMigrations(db, tx, oldVersion, newVersion ?? migrations.length, migrations);
    },
    // A newer version of the site opened in another tab: let it upgrade rather than block it.
    blocking() {
      opened.close();
    },
  });
  return opened;
}
