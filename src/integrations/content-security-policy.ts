import type { AstroIntegration, AstroUserConfig } from 'astro';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INLINE_SCRIPTS } from '../lib/inline-scripts.ts';

/**
 * The site's Content Security Policy, defined here and nowhere else: astro.config.mjs passes
 * it to Astro, which adds the hashes of the scripts and styles it emits and writes the policy
 * as a <meta> tag in every page; the integration below moves that tag first in <head>.
 *
 * "No request leaves the origin" is enforced by the policy, not only by the code. Everything
 * is the site's own: pages, scripts, styles, workers, the deck and the indexes. To let the
 * app talk to another origin (a sync server the user configures, say), add that origin to
 * `connect-src` here, and nowhere else.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  // fetch(): the deck, the question index, Pagefind's files, offline-pack.json.
  "connect-src 'self'",
  // The icons; inline <svg> is markup, not an image.
  "img-src 'self'",
  // The module workers (grading, memory, plan, optimizer, import) and the service worker.
  "worker-src 'self'",
  "manifest-src 'self'",
  "font-src 'self'",
  "media-src 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  // The review filters and question search are plain GET forms to the site's own pages.
  "form-action 'self'",
] as const;

export const CSP_CONFIG = {
  directives: [...CSP_DIRECTIVES],
  // Pagefind's search and the FSRS optimizer (fsrs-rs) run as WebAssembly, which script-src
  // must allow to compile ('wasm-unsafe-eval' allows nothing else: no eval, no inline code).
  // The layout's inline scripts (the theme, the page-error line) are the ones Astro does not bundle, so not hash, itself.
  scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: INLINE_SCRIPTS.map(sha256) },
} satisfies NonNullable<AstroUserConfig['security']>['csp'];

function sha256(text: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

const CSP_META = /<meta http-equiv="content-security-policy" content="[^"]*">/u;
const CHARSET = '<meta charset="utf-8">';

/**
 * `html` with its policy tag right after the charset (which must stay first), before any
 * script, style or link: a policy applies only to what the parser meets after it. Astro
 * writes the tag where it writes the head's styles, after the page's own head scripts.
 */
export function movePolicyFirst(html: string, file = 'page'): string {
  const meta = CSP_META.exec(html)?.[0];
  if (meta === undefined) throw new Error(`${file}: no Content-Security-Policy <meta> to move (is security.csp on?)`);
  if (!html.includes(CHARSET)) throw new Error(`${file}: no ${CHARSET} to put the policy after`);
  return html.replace(meta, '').replace(CHARSET, `${CHARSET}${meta}`);
}

/** Moves the policy first in every page of the build (before Pagefind indexes and the worker precaches them). */
export function contentSecurityPolicyIntegration(): AstroIntegration {
  return {
    name: 'vibe-check:content-security-policy',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages = (await readdir(root, { recursive: true })).filter((file) => file.endsWith('.html')).sort();
        for (const file of pages) {
          const path = join(root, file);
          await writeFile(path, movePolicyFirst(await readFile(path, 'utf8'), file));
        }
        logger.info(`Content-Security-Policy first in <head> of ${pages.length} pages.`);
      },
    },
  };
}
