import { APP_ROUTES } from '../app-files.ts';
import { withBase } from '../urls.ts';

/** Page background per colour scheme (`--bg` in global.css): the title bar and splash blend in. */
export const SCHEME_COLORS = { light: '#ffffff', dark: '#14161a' } as const;

/** Raster sizes Chrome needs to offer installation (192) and draw the splash screen (512). */
export const ICON_SIZES = [192, 512] as const;

export interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose: 'any' | 'maskable';
}

export interface WebAppManifest {
  id: string;
  name: string;
  short_name: string;
  description: string;
  lang: string;
  start_url: string;
  scope: string;
  display: 'standalone';
  theme_color: string;
  background_color: string;
  /** Dark-scheme colours, for browsers that read them (others fall back to the light pair). */
  user_preferences: { color_scheme_dark: { theme_color: string; background_color: string } };
  icons: ManifestIcon[];
  shortcuts: { name: string; url: string }[];
}

/**
 * The web app manifest for a deployment under `base` (`/` or `/vibe/`): every URL in it
 * stays inside the base, so two deployments on one origin install as two apps.
 */
export function createWebManifest(base: string): WebAppManifest {
  const url = (path: string) => withBase(path, base);
  // The icons are full-bleed with the mark inside the maskable safe zone, so one
  // file serves both purposes.
  const rasters = ICON_SIZES.flatMap((size) =>
    (['any', 'maskable'] as const).map((purpose) => ({
      src: url(`/icons/icon-${size}.png`),
      sizes: `${size}x${size}`,
      type: 'image/png',
      purpose,
    })),
  );
  return {
    id: url('/'),
    name: 'Vibe Check: ML system design interviews',
    short_name: 'Vibe Check',
    description:
      'The behavioral layer of ML system design interviews: guides to read, a spaced-repetition deck to review offline, and a question search.',
    lang: 'en',
    start_url: url('/'),
    scope: url('/'),
    display: 'standalone',
    theme_color: SCHEME_COLORS.light,
    background_color: SCHEME_COLORS.light,
    user_preferences: {
      color_scheme_dark: { theme_color: SCHEME_COLORS.dark, background_color: SCHEME_COLORS.dark },
    },
    icons: [{ src: url('/icons/icon.svg'), sizes: 'any', type: 'image/svg+xml', purpose: 'any' }, ...rasters],
    shortcuts: [
      { name: 'Review flashcards', url: url(APP_ROUTES.review) },
      { name: 'Search by question', url: url(APP_ROUTES.questions) },
    ],
  };
}
