import { existsSync } from 'node:fs';
import { serveStatic, type StaticServer } from '../../../scripts/lib/static-server.ts';

/**
 * Serves the built sites for the whole run on free ports and passes their URLs to
 * the workers through the environment: `dist/` at the root, and `dist-vibe/`
 * (built with BASE_PATH=/vibe/) under /vibe/.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const servers: StaticServer[] = [];
  // E2E_DIST / E2E_VIBE_DIST let parallel work test its own build folders.
  const dist = process.env['E2E_DIST'] || 'dist';
  const vibeDist = process.env['E2E_VIBE_DIST'] || 'dist-vibe';
  if (!existsSync(`${dist}/index.html`)) throw new Error(`No built site in ${dist}/: run \`npm run build\` first.`);
  const root = await serveStatic(dist, '/');
  servers.push(root);
  process.env['E2E_BASE_URL'] = root.url;
  if (existsSync(`${vibeDist}/index.html`)) {
    const vibe = await serveStatic(vibeDist, '/vibe/');
    servers.push(vibe);
    process.env['E2E_VIBE_URL'] = vibe.url;
  }
  return async () => {
    await Promise.all(servers.map((s) => s.close()));
  };
}
