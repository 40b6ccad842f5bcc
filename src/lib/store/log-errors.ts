// Its own file, so the import code (loaded on demand) and the store share these without a cycle.

/** Not even the keys of the log could be read: nothing about the stored history is known. */
export class LogUnreadableError extends Error {
  constructor(cause: unknown) {
    super('The stored reviews could not be read.', { cause });
    this.name = 'LogUnreadableError';
  }
}

/** What an import did: entries added, and the log's size after it. */
export interface ImportResult {
  added: number;
  total: number;
}
