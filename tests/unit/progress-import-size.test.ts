import { expect, test } from 'vitest';
import { checkImportSize, MAX_IMPORT_BYTES } from '../../src/lib/progress-file/import-size.ts';

test('files up to the limit are read; larger ones are refused with both sizes', () => {
  expect(checkImportSize(MAX_IMPORT_BYTES)).toBeNull();
  expect(checkImportSize(50 * 1024 * 1024)).toBeNull();
  expect(checkImportSize(MAX_IMPORT_BYTES + 1)).toMatch(
    /^This file is 64\.0 MB; progress files up to 64\.0 MB can be imported/,
  );
  expect(checkImportSize(100 * 1024 * 1024)).toMatch(/This file is 100\.0 MB.*Nothing was changed\.$/);
});
