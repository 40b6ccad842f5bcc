import type { APIRoute } from 'astro';
import { createWebManifest } from '../lib/offline/web-manifest.ts';

/** Built per deployment, so its URLs follow BASE_PATH. */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(createWebManifest(import.meta.env.BASE_URL), null, 2), {
    headers: { 'content-type': 'application/manifest+json' },
  });
