import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { initSync, parse } from 'es-module-lexer';
import { decodeHtmlEntities } from '../../src/lib/html-text.ts';

/**
 * What a built site weighs on the wire, read from the build folder alone (no
 * browser): gzipped HTML per page, the JavaScript a page runs before any
 * interaction, the CSS, and the service worker's precache. Shared by the size
 * budgets in `npm test` and by the benchmark's page-weight table.
 */

/** A built HTML page. */
export interface BuiltPage {
  /** URL path without the base (`/phases/constraints/`, `/404.html`). */
  route: string;
  /** Path relative to the build folder (`phases/constraints/index.html`). */
  file: string;
}

/** A resource counted towards a page's weight: a file of the build, or the page's inline code. */
export interface WeighedResource {
  /** Path relative to the build folder, or `(inline in <page file>)`. */
  file: string;
  bytes: number;
  gzip: number;
}

export interface PageWeight {
  page: BuiltPage;
  html: WeighedResource;
  /** Inline scripts, module scripts, modulepreloads and, recursively, their static imports. */
  scripts: WeighedResource[];
  /** Linked stylesheets and inline `<style>` blocks. */
  styles: WeighedResource[];
}

export interface PrecacheWeight {
  /** Path of the worker relative to the build folder. */
  worker: string;
  files: number;
  /** Bytes the browser stores (uncompressed). */
  bytes: number;
  /** Bytes on the wire when the host gzips every file: what installing the app downloads (the budget). */
  gzip: number;
  /** The precached files, largest gzipped first, so a failure says where to cut. */
  largest: WeighedResource[];
  /** Precached URLs with no file in the build. */
  missing: string[];
}

/**
 * Compression a static host applies: zlib's default level, which is what
 * nginx's `gzip_comp_level` and most CDNs sit near, not the best case.
 */
export function gzipSize(content: string | Buffer): number {
  return gzipSync(content).length;
}

/** Every HTML page of the build, sorted by route. */
export function listPages(buildDir: string): BuiltPage[] {
  return listFiles(buildDir)
    .filter((file) => file.endsWith('.html'))
    .map((file) => ({ route: routeOf(file), file }))
    .sort((a, b) => (a.route < b.route ? -1 : a.route > b.route ? 1 : 0));
}

/** Every file of the build, as `/`-separated paths relative to it, sorted. */
export function listFiles(buildDir: string): string[] {
  const files: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.push(relative(buildDir, full).split(sep).join('/'));
    }
  };
  walk(buildDir);
  return files.sort();
}

function routeOf(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}

/** A parsed tag: its lower-cased attributes and, for `<script>`/`<style>`, its text. */
interface Tag {
  name: 'script' | 'link' | 'style';
  attributes: Map<string, string>;
  text: string;
}

// Astro writes well-formed HTML, and script and style bodies cannot contain their
// own closing tag, so a tag scanner is exact here; a full HTML parser would add a
// dependency for nothing.
const TAG = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1\s*>|<(link)\b([^>]*?)\/?>/giu;
const ATTRIBUTE = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/gu;
const COMMENT = /<!--[\s\S]*?-->/gu;

function scanTags(html: string): Tag[] {
  const tags: Tag[] = [];
  for (const match of html.replace(COMMENT, '').matchAll(TAG)) {
    const name = (match[1] ?? match[4] ?? '').toLowerCase() as Tag['name'];
    const attributes = new Map<string, string>();
    for (const attribute of (match[2] ?? match[5] ?? '').matchAll(ATTRIBUTE)) {
      const key = attribute[1];
      if (key)
        attributes.set(key.toLowerCase(), decodeHtmlEntities(attribute[2] ?? attribute[3] ?? attribute[4] ?? ''));
    }
    tags.push({ name, attributes, text: match[3] ?? '' });
  }
  return tags;
}

/** Script types a browser executes; anything else (JSON, templates) is data. */
function isExecutable(type: string | undefined): boolean {
  return (
    type === undefined || type === '' || type === 'module' || /^(text|application)\/(java|ecma)script$/iu.test(type)
  );
}

export interface WeighOptions {
  /** The base path the site was built with (`/vibe/`); URLs outside it are not the site's. */
  base?: string;
}

/** The gzipped weight of one page and of what it loads before any interaction. */
export function weighPage(buildDir: string, page: BuiltPage, options: WeighOptions = {}): PageWeight {
  const base = options.base ?? '/';
  const html = readFileSync(join(buildDir, page.file), 'utf8');
  const pageUrl = posix.join(base, page.route.endsWith('/') ? page.route : posix.dirname(page.route) + '/');
  const resolveUrl = (href: string, from: string): string | null => toBuildFile(href, from, base);

  const inlineScripts: string[] = [];
  const inlineStyles: string[] = [];
  const scriptEntries: string[] = [];
  const styleFiles: string[] = [];
  for (const tag of scanTags(html)) {
    if (tag.name === 'script') {
      if (!isExecutable(tag.attributes.get('type'))) continue;
      const src = tag.attributes.get('src');
      if (src === undefined) inlineScripts.push(tag.text);
      else pushResolved(scriptEntries, resolveUrl(src, pageUrl), src, page);
    } else if (tag.name === 'style') {
      inlineStyles.push(tag.text);
    } else {
      const rel = (tag.attributes.get('rel') ?? '').toLowerCase().split(/\s+/u);
      const href = tag.attributes.get('href');
      if (href === undefined) continue;
      if (rel.includes('modulepreload')) pushResolved(scriptEntries, resolveUrl(href, pageUrl), href, page);
      else if (rel.includes('stylesheet')) pushResolved(styleFiles, resolveUrl(href, pageUrl), href, page);
    }
  }

  // Static imports run before the module does; dynamic import() waits for an interaction.
  const scriptFiles = new Set<string>();
  const queue = [
    ...scriptEntries,
    ...inlineScripts.flatMap((code) => staticImports(code, `${pageUrl}index.html`, base)),
  ];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (scriptFiles.has(file)) continue;
    scriptFiles.add(file);
    const code = readFileSync(join(buildDir, file), 'utf8');
    queue.push(...staticImports(code, `${base}${file}`, base));
  }

  const inlineLabel = `(inline in ${page.file})`;
  const scripts = [...scriptFiles].sort().map((file) => weighFile(buildDir, file));
  if (inlineScripts.some((code) => code.trim() !== ''))
    scripts.unshift(weighText(inlineLabel, inlineScripts.join('\n')));
  const styles = [...new Set(styleFiles)].sort().map((file) => weighFile(buildDir, file));
  if (inlineStyles.some((code) => code.trim() !== '')) styles.unshift(weighText(inlineLabel, inlineStyles.join('\n')));

  return { page, html: weighText(page.file, html), scripts, styles };
}

function pushResolved(list: string[], file: string | null, url: string, page: BuiltPage): void {
  // A missing file is a broken page, which the e2e tests report; the budget counts what exists.
  if (file !== null) list.push(file);
  else if (!/^[a-z][a-z0-9+.-]*:|^\/\//iu.test(url))
    process.emitWarning(`${page.file} references ${url}, not in the build`);
}

/** Build-relative files that `code` (served at `fromUrl`) imports statically. */
function staticImports(code: string, fromUrl: string, base: string): string[] {
  initSync();
  const [imports] = parse(code);
  const files: string[] = [];
  for (const specifier of imports) {
    // 1 = a static `import … from` / `export … from` (es-module-lexer's ImportType.Static).
    if (specifier.t !== 1 || specifier.n === undefined) continue;
    const file = toBuildFile(specifier.n, fromUrl, base);
    if (file !== null) files.push(file);
  }
  return files;
}

/** Maps a URL used in the site to its file in the build, or null if it is not one. */
function toBuildFile(href: string, fromUrl: string, base: string): string | null {
  let url: URL;
  try {
    url = new URL(href, new URL(fromUrl, 'http://site.invalid'));
  } catch {
    return null;
  }
  if (url.origin !== 'http://site.invalid') return null;
  const path = decodeURIComponent(url.pathname);
  if (!path.startsWith(base)) return null;
  return path.slice(base.length);
}

function weighFile(buildDir: string, file: string): WeighedResource {
  const content = existsSync(join(buildDir, file)) ? readFileSync(join(buildDir, file)) : Buffer.alloc(0);
  return { file, bytes: content.length, gzip: gzipSize(content) };
}

function weighText(label: string, text: string): WeighedResource {
  return { file: label, bytes: Buffer.byteLength(text), gzip: gzipSize(text) };
}

/** Sum of the gzipped sizes: each resource travels (and is compressed) on its own. */
export function totalGzip(resources: readonly WeighedResource[]): number {
  return resources.reduce((sum, r) => sum + r.gzip, 0);
}

/** Every stylesheet file of the build, gzipped one by one. */
export function weighAllCss(buildDir: string): WeighedResource[] {
  return listFiles(buildDir)
    .filter((file) => file.endsWith('.css'))
    .map((file) => weighFile(buildDir, file));
}

/** The worker the offline integration writes at the root of the build. */
export const SERVICE_WORKER_FILE = 'sw.js';

/**
 * The precache as the service worker will download it: the manifest that
 * workbox injected into sw.js (`{"revision":…,"url":…}` entries), sized from
 * the build's files. Null when the build has no service worker.
 */
export function weighPrecache(buildDir: string, worker = SERVICE_WORKER_FILE): PrecacheWeight | null {
  const workerPath = join(buildDir, worker);
  if (!existsSync(workerPath)) return null;
  const source = readFileSync(workerPath, 'utf8');
  const urls = new Set<string>();
  for (const match of source.matchAll(/"url"\s*:\s*"((?:[^"\\]|\\.)*)"/gu)) {
    urls.add(JSON.parse(`"${match[1] ?? ''}"`) as string);
  }
  let bytes = 0;
  let gzip = 0;
  const weighed: WeighedResource[] = [];
  const missing: string[] = [];
  const workerDir = dirname(workerPath);
  for (const url of urls) {
    // Entries are relative to the worker (absolute ones would carry the base path).
    const path = decodeURIComponent(url.split(/[?#]/u)[0] ?? '');
    const file = join(workerDir, path);
    if (existsSync(file) && statSync(file).isFile()) {
      const content = readFileSync(file);
      const size = gzipSize(content);
      bytes += content.length;
      gzip += size;
      weighed.push({ file: path, bytes: content.length, gzip: size });
    } else {
      missing.push(url);
    }
  }
  const largest = weighed.sort((a, b) => b.gzip - a.gzip).slice(0, 5);
  return { worker, files: urls.size, bytes, gzip, largest, missing };
}

/** `12.3 KB` (1 KB = 1,024 bytes, as the budgets are written). */
export function formatKB(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * What a module loaded on demand (an idle overlay) adds to a page: the module,
 * its static imports, and the module workers it starts (`new URL('…', import.meta.url)`),
 * leaving out the files the page has already loaded (`loaded`).
 */
export function weighLazyModule(
  buildDir: string,
  entry: string,
  loaded: ReadonlySet<string>,
  options: WeighOptions = {},
): WeighedResource[] {
  const base = options.base ?? '/';
  const files = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (files.has(file) || loaded.has(file)) continue;
    files.add(file);
    const code = readFileSync(join(buildDir, file), 'utf8');
    queue.push(...staticImports(code, `${base}${file}`, base));
    for (const [, url] of code.matchAll(/new URL\(\s*["'`]([^"'`]+)["'`]/gu)) {
      const worker = url === undefined ? null : toBuildFile(url, `${base}${file}`, base);
      if (worker !== null && existsSync(join(buildDir, worker))) queue.push(worker);
    }
  }
  return [...files].sort().map((file) => weighFile(buildDir, file));
}
