import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { CSP_CONFIG, movePolicyFirst } from '../../src/integrations/content-security-policy.ts';
import { PAGE_ERROR_SCRIPT, THEME_SCRIPT } from '../../src/lib/inline-scripts.ts';

const META = `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self'">`;

describe('movePolicyFirst', () => {
  test('puts the policy right after the charset, before the head scripts Astro wrote ahead of it', () => {
    const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>T</title><script>x</script><script type="module" src="/a.js"></script>${META}<link rel="stylesheet" href="/s.css"></head><body></body></html>`;
    expect(movePolicyFirst(page)).toBe(
      `<!DOCTYPE html><html><head><meta charset="utf-8">${META}<title>T</title><script>x</script><script type="module" src="/a.js"></script><link rel="stylesheet" href="/s.css"></head><body></body></html>`,
    );
  });

  test('a page without the policy fails the build, naming the page', () => {
    expect(() => movePolicyFirst('<head><meta charset="utf-8"></head>', 'about/index.html')).toThrow(
      /^about\/index\.html: no Content-Security-Policy <meta>/u,
    );
  });
});

test('the policy lists the hash of each inline script Astro does not hash: the theme and the page-error line', () => {
  const hash = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;
  expect(CSP_CONFIG.scriptDirective.hashes).toEqual([hash(THEME_SCRIPT), hash(PAGE_ERROR_SCRIPT)]);
});
