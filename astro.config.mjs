// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { deckIntegration } from './src/integrations/deck.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { serviceWorkerIntegration } from './src/integrations/service-worker.ts';
import { resolveDeployment } from './src/lib/deployment.ts';

const { site, base, outDir, cacheDir } = resolveDeployment(process.env);

export default defineConfig({
  site,
  base,
  outDir,
  cacheDir,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Astro hashes every script and style it emits into a CSP <meta>, so no inline
  // event handler or foreign origin can run. Pagefind's search runs as WebAssembly,
  // which script-src must allow to compile ('wasm-unsafe-eval' allows nothing else).
  security: { csp: { scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] } } },
  devToolbar: { enabled: false },
  prefetch: false,
  // Order matters at astro:build:done: the deck and the Pagefind index must exist
  // before the service worker precaches them.
  integrations: [mdx(), sitemap(), deckIntegration(), pagefindIntegration(), serviceWorkerIntegration()],
});
