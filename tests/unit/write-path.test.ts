import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { expect, test } from 'vitest';

// Issue 23: one write path. Outside src/lib/store/ nothing calls a store's write methods: every
// writer goes through `ProgressLog` (store/progress-log.ts), which reports to the storage status.

const SRC = join(import.meta.dirname, '../../src');
const STORE_WRITES = /\.(?:append|remove|appendBatch|removeBatch|saveSettings|importLog|saveSnapshot)\(/gu;
function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = join(folder, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

test('no file outside src/lib/store writes to a progress store directly', () => {
  const direct: string[] = [];
  for (const file of sources(SRC)) {
    const rel = relative(SRC, file).split(sep).join('/');
    if (rel.startsWith('lib/store/')) continue;
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(STORE_WRITES)) {
      const before = text.slice(Math.max(0, match.index - 40), match.index + match[0].length);
      if (/store\)?\s*\.\s*\w+\($/u.test(before) || /\.store\s*\.\s*\w+\($/u.test(before))
        direct.push(`${rel}: …${before.trim()}`);
    }
  }
  expect(direct).toEqual([]);
});

test('each writer of the log and its marks uses the write path', () => {
  const writers = {
    'lib/review/session.ts': /new ProgressLog\(/u,
    'lib/reading/grading-worker.ts': /openProgressLog\(/u,
    'lib/reading/reading-grader.ts': /this\.#log\.(?:append|remove|writeBatch|removeBatch)\(/u,
    'lib/progress-file/import-worker.ts': /openProgressLog\(/u,
    'components/review/review-holds.ts': /session\.log\.(?:writeBatch|removeBatch)\(/u,
    'components/review/card-browser.ts': /openProgressLog\(/u,
    'components/review/review-app.ts': /session\.log\b/u,
    'components/review/progress-transfer.ts': /log\.importLog\(/u,
  };
  for (const [file, uses] of Object.entries(writers)) {
    expect(readFileSync(join(SRC, file), 'utf8'), file).toMatch(uses);
  }
});
