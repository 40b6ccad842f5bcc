import { validateStoredEntries, validateStoredMarks, validateStoredSettings } from '../review-log/stored.ts';
import { serve } from '../worker-rpc.ts';
import type { StoredCheckCalls } from './stored-check-protocol.ts';

// The zod schemas and their checks run here, off the page's main thread.
serve<StoredCheckCalls>({
  entries: async (raw) => validateStoredEntries(raw),
  marks: async (raw) => validateStoredMarks(raw),
  settings: async (raw) => validateStoredSettings(raw),
});
