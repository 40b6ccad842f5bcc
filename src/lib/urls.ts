/** Prefix a site-relative path (`/phases/`) with the deployment's base (`/vibe/`). */
export function withBase(path: string, base: string = import.meta.env.BASE_URL): string {
  const prefix = base.endsWith('/') ? base.slice(0, -1) : base;
  if (!path.startsWith('/')) throw new Error(`withBase expects a site-relative path, got "${path}"`);
  return `${prefix}${path}`;
}

/** The site-relative URL of a guide from its content id (`phases/constraints`). */
export function guideUrl(id: string): string {
  return `/${id}/`;
}

/** The site-relative URL of a section's index page (`/phases/`). */
export function sectionUrl(section: string): string {
  return `/${section}/`;
}
