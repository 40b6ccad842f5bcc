import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builderFingerprint, builderSources } from '../../src/deck/builder-fingerprint.ts';

/** A project with a builder folder `src/deck` that imports one file of `src/lib`, beside one it does not import. */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'deck-fingerprint-'));
  mkdirSync(join(root, 'src/deck/nested'), { recursive: true });
  mkdirSync(join(root, 'src/lib'), { recursive: true });
  writeFileSync(join(root, 'package-lock.json'), '{}');
  writeFileSync(
    join(root, 'src/deck/build.ts'),
    "import { rule } from '../lib/schema.ts';\nexport const built = rule;\n",
  );
  writeFileSync(join(root, 'src/deck/nested/worker.ts'), "export { built } from '../build.ts';\n");
  writeFileSync(join(root, 'src/lib/schema.ts'), "import type { Extra } from './extra.ts';\nexport const rule = 1;\n");
  writeFileSync(join(root, 'src/lib/extra.ts'), 'export type Extra = number;\n');
  writeFileSync(join(root, 'src/lib/unrelated.ts'), 'export const other = 2;\n');
  return root;
}

const fingerprintOf = (root: string) => builderFingerprint(join(root, 'src/deck'), root);

describe('builder fingerprint', () => {
  it('covers every file of the builder folder and, transitively, what it imports from outside', () => {
    const root = project();
    const names = builderSources(join(root, 'src/deck')).map((file) => file.slice(root.length + 1));
    expect(names).toEqual(['src/deck/build.ts', 'src/deck/nested/worker.ts', 'src/lib/extra.ts', 'src/lib/schema.ts']);
  });

  it('changes when a file is added to the builder folder, though nothing imports it yet', () => {
    const root = project();
    const before = fingerprintOf(root);
    writeFileSync(join(root, 'src/deck/new-stage.ts'), 'export const stage = 3;\n');
    expect(fingerprintOf(root)).not.toBe(before);
  });

  it('changes when an imported file outside the folder or the lock file changes, and only then', () => {
    const root = project();
    const before = fingerprintOf(root);
    writeFileSync(join(root, 'src/lib/unrelated.ts'), 'export const other = 3;\n');
    expect(fingerprintOf(root)).toBe(before);
    writeFileSync(join(root, 'src/lib/extra.ts'), 'export type Extra = string;\n');
    const afterImport = fingerprintOf(root);
    expect(afterImport).not.toBe(before);
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3}');
    expect(fingerprintOf(root)).not.toBe(afterImport);
  });

  it('is the same for the same sources in another folder', () => {
    expect(fingerprintOf(project())).toBe(fingerprintOf(project()));
  });
});
