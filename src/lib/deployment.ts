/**
 * Where the site is deployed, read from the environment:
 * - `SITE_URL`  absolute origin for canonical URLs, the sitemap and absolute Anki links;
 * - `BASE_PATH` sub-path the site is served under (`/vibe/`);
 * - `OUT_DIR`   build output folder, so parallel builds (tests, benchmarks) never share `dist/`;
 * - `CONTENT_DIR` the guides to build (default `content`; the benchmark points it at synthetic pages).
 */
export interface Deployment {
  site: string;
  base: string;
  outDir: string;
  cacheDir: string;
  contentDir: string;
}

/** The content folder, relative to the project root; read by Astro's collection and the deck builder alike. */
export function contentDirFrom(env: Record<string, string | undefined>): string {
  return env['CONTENT_DIR']?.trim() || 'content';
}

/**
 * The content folder as Astro's glob loader takes it: a relative folder starts
 * with `./` (the loader resolves it against the project root), an absolute one
 * (the benchmark's temporary folders) stays as it is.
 */
export function contentCollectionBase(env: Record<string, string | undefined>): string {
  const dir = contentDirFrom(env);
  return dir.startsWith('/') || dir.startsWith('.') ? dir : `./${dir}`;
}

export function normalizeBase(raw: string | undefined): string {
  const trimmed = (raw ?? '/').trim();
  if (trimmed === '' || trimmed === '/') return '/';
  if (/[?#\s]/.test(trimmed)) throw new Error(`BASE_PATH must be a plain path, got "${trimmed}"`);
  return `/${trimmed.replace(/^\/+|\/+$/g, '')}/`;
}

export function resolveDeployment(env: Record<string, string | undefined>): Deployment {
  const site = env['SITE_URL']?.trim() || 'http://localhost:4321';
  try {
    new URL(site);
  } catch {
    throw new Error(`SITE_URL must be an absolute URL, got "${site}"`);
  }
  const outDir = env['OUT_DIR']?.trim() || './dist';
  return {
    site,
    base: normalizeBase(env['BASE_PATH']),
    outDir,
    // A cache per output folder keeps concurrent builds from trampling each other.
    cacheDir: `./node_modules/.astro/${outDir.replace(/[^a-zA-Z0-9]+/g, '_')}`,
    contentDir: contentDirFrom(env),
  };
}
