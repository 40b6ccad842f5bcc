import { describe, expect, it } from 'vitest';
import { contentCollectionBase, contentDirFrom } from '../../src/lib/deployment.ts';

describe('CONTENT_DIR', () => {
  it('defaults to content/', () => {
    expect(contentDirFrom({})).toBe('content');
    expect(contentCollectionBase({})).toBe('./content');
  });

  // Regression: `./${dir}` turned /tmp/x into .//tmp/x, a folder under the project root,
  // so the benchmark's synthetic builds silently built no guide at all.
  it('keeps an absolute folder absolute for the collection', () => {
    expect(contentCollectionBase({ CONTENT_DIR: '/tmp/bench/content-10x' })).toBe('/tmp/bench/content-10x');
  });

  it('anchors a relative folder at the project root, as Astro’s glob loader expects', () => {
    expect(contentCollectionBase({ CONTENT_DIR: 'tests/fixtures/content' })).toBe('./tests/fixtures/content');
    expect(contentCollectionBase({ CONTENT_DIR: './other' })).toBe('./other');
    expect(contentCollectionBase({ CONTENT_DIR: '../elsewhere' })).toBe('../elsewhere');
  });
});
