// @ts-check
import { fileURLToPath } from 'node:url';
import config from '../../astro.config.mjs';

/**
 * The project's own Astro config, for timing builds of synthetic content
 * (`npm run build -- --config scripts/bench/astro-bench.config.mjs`, with
 * CONTENT_DIR and OUT_DIR set). One change: the service worker's precache
 * budget is lifted, because 10× the pages is meant to outgrow it. The worker is
 * still generated, so its cost is still timed, and the benchmark reports the
 * precache size it reached.
 *
 * Plain JavaScript on purpose: Astro imports a .mjs config with Node itself,
 * while a .ts config goes through a Vite module runner that is closed by the
 * time the integrations' hooks run, and their own dynamic imports then fail.
 */

const SERVICE_WORKER = 'vibe-check:service-worker';

/**
 * @param {import('astro').AstroIntegration} original
 * @returns {Promise<import('astro').AstroIntegration>}
 */
async function unbudgetedServiceWorker(original) {
  /** @type {Record<string, unknown>} */
  const module = await import('../../src/integrations/service-worker.ts');
  const generate = module['generateServiceWorker'];
  if (typeof generate !== 'function') return original;
  return {
    name: original.name,
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        /** @type {{ entries: unknown[]; size: number }} */
        const report = await generate({ outDir: fileURLToPath(dir), budgetBytes: Number.MAX_SAFE_INTEGER });
        logger.info(
          `sw.js precaches ${report.entries.length} files, ${report.size} bytes (budget lifted for the benchmark)`,
        );
      },
    },
  };
}

const integrations = await Promise.all(
  (config.integrations ?? [])
    .flat()
    .map((integration) =>
      integration && typeof integration === 'object' && 'name' in integration && integration.name === SERVICE_WORKER
        ? unbudgetedServiceWorker(integration)
        : integration,
    ),
);

/** @type {import('astro').AstroUserConfig} */
export default { ...config, integrations };
