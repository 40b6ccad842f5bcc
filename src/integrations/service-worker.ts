import type { AstroIntegration } from 'astro';

/** Generates the offline service worker after every other build step (filled in by the offline work). */
export function serviceWorkerIntegration(): AstroIntegration {
  return { name: 'vibe-check:service-worker', hooks: {} };
}
