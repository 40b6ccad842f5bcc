import { existsSync } from 'node:fs';
import { serveStatic, type StaticServer } from '../../../scripts/lib/static-server.ts';
import { BUILDS, buildDir, type BuildName } from './fixture-site.ts';

/** The environment variable each build's URL reaches the workers through. */
export const URL_ENV: Record<BuildName, string> = {
  fixture: 'E2E_BASE_URL',
  fixtureVibe: 'E2E_VIBE_URL',
  real: 'E2E_REAL_URL',
};

/**
 * Serves the three builds `npm run test:e2e` makes (fixture-site.ts) for the whole run,
 * each on a free port, and passes their URLs to the workers through the environment.
 * The fixture site at the root is required; a missing build fails only the specs that use it.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const servers: StaticServer[] = [];
  for (const name of Object.keys(BUILDS) as BuildName[]) {
    const dir = buildDir(name);
    if (!existsSync(`${dir}/index.html`)) {
      if (name === 'fixture') throw new Error(`No built site in ${dir}/: run \`npm run build:e2e\` first.`);
      continue;
    }
    const server = await serveStatic(dir, BUILDS[name].base);
    servers.push(server);
    process.env[URL_ENV[name]] = server.url;
  }
  return async () => {
    await Promise.all(servers.map((s) => s.close()));
  };
}
