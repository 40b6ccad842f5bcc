/**
 * Whether `path` matches one of `globs`, where `*` stands for any run of characters but `/`.
 * Small enough for the service worker, which has no Node `path.matchesGlob`; the build
 * passes the same globs to workbox and Node, so a rule is written once as a glob.
 */
export function matchesAnyGlob(path: string, globs: readonly string[]): boolean {
  return globs.some((glob) => globToRegExp(glob).test(path));
}

function globToRegExp(glob: string): RegExp {
  const source = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/gu, '\\$&'))
    .join('[^/]*');
  return new RegExp(`^${source}$`, 'u');
}
