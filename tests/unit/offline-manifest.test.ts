import { describe, expect, test } from 'vitest';
import { createWebManifest } from '../../src/lib/offline/web-manifest.ts';

describe('createWebManifest', () => {
  test.each(['/', '/vibe/'])('keeps every URL inside the base %s', (base) => {
    const manifest = createWebManifest(base);
    expect(manifest.start_url).toBe(base);
    expect(manifest.scope).toBe(base);
    expect(manifest.id).toBe(base);
    const urls = [...manifest.icons.map((i) => i.src), ...manifest.shortcuts.map((s) => s.url)];
    for (const url of urls) expect(url.startsWith(base)).toBe(true);
  });

  test('is installable: standalone, with 192 and 512 px PNG icons for both purposes and an SVG', () => {
    const manifest = createWebManifest('/vibe/');
    expect(manifest.display).toBe('standalone');
    expect(manifest.short_name.length).toBeLessThanOrEqual(12);
    const icons = manifest.icons.map((i) => `${i.sizes} ${i.type} ${i.purpose}`);
    expect(icons).toEqual([
      'any image/svg+xml any',
      '192x192 image/png any',
      '192x192 image/png maskable',
      '512x512 image/png any',
      '512x512 image/png maskable',
    ]);
    expect(manifest.icons[1]?.src).toBe('/vibe/icons/icon-192.png');
  });

  test('has colours for both schemes', () => {
    const manifest = createWebManifest('/');
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(manifest.user_preferences.color_scheme_dark.background_color).not.toBe(manifest.background_color);
  });
});
