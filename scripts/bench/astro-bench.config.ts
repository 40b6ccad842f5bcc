import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroUserConfig } from 'astro';
import config from '../../astro.config.mjs';

/**
 * The project's own Astro config, for timing builds of synthetic content
 * (`npm run build -- --config scripts/bench/astro-bench.config.ts`, with
 * CONTENT_DIR and OUT_DIR set). One change: the service worker's precache
 * budget is lifted, because 10× the pages is meant to outgrow it. The worker is
 * still generated, so its cost is still timed, and the benchmark reports the
 * precache size it reached.
 */

const SERVICE_WORKER = 'vibe-check:service-worker';

async function unbudgetedServiceWorker(original: AstroIntegration): Promise<AstroIntegration> {
  const module: Record<string, unknown> = await import('../../src/integrations/service-worker.ts');
  const generate = module['generateServiceWorker'];
  if (typeof generate !== 'function') return original;
  return {
    name: original.name,
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const report = (await generate({ outDir: fileURLToPath(dir), budgetBytes: Number.MAX_SAFE_INTEGER })) as {
          entries: unknown[];
          size: number;
        };
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

const benchConfig: AstroUserConfig = { ...config, integrations };
export default benchConfig;
