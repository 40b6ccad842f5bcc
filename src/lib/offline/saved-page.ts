import { decodeHtmlEntities } from '../html-text.ts';
import { REVISION_HEADER, TITLE_HEADER } from './cache-names.ts';

/** Hex digits of a page's SHA-256 kept as its revision, by the build and by the browser alike. */
export const REVISION_LENGTH = 16;

/** The cache key of a page: its directory URL, without query, fragment or `index.html`. */
export function pageKey(href: string): string {
  const url = new URL(href);
  url.search = '';
  url.hash = '';
  if (url.pathname.endsWith('/index.html')) url.pathname = url.pathname.slice(0, -'index.html'.length);
  return url.href;
}

/** The `<title>` of a built page without the site name, as the offline page lists it. */
export function pageTitle(html: string): string {
  const raw = /<title>([^<]*)<\/title>/u.exec(html)?.[1] ?? '';
  return decodeHtmlEntities(raw).replace(/ · Vibe Check$/u, '');
}

/** SHA-256 of the bytes, as the build's `offline-pack.json` writes revisions. */
export async function pageRevision(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, REVISION_LENGTH);
}

/**
 * A page response as it is kept for offline: the same body and headers plus its title
 * and revision, so the offline page lists saved pages and the save control skips
 * current ones without reading any body.
 */
export async function toSavedPage(response: Response): Promise<Response> {
  const bytes = await response.arrayBuffer();
  const headers = new Headers(response.headers);
  headers.set(TITLE_HEADER, encodeURIComponent(pageTitle(new TextDecoder().decode(bytes))));
  headers.set(REVISION_HEADER, await pageRevision(bytes));
  // The body is whole now: a length or encoding header from the network would lie about it.
  headers.delete('content-length');
  headers.delete('content-encoding');
  return new Response(bytes, { status: response.status, statusText: response.statusText, headers });
}
