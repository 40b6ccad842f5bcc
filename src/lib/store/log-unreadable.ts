/** Not even the keys of the log could be read: nothing about the stored history is known. */
export class LogUnreadableError extends Error {
  constructor(cause: unknown) {
    super('The stored reviews could not be read.', { cause });
    this.name = 'LogUnreadableError';
  }
}
