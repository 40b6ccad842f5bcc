// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { contentSecurityPolicyIntegration, CSP_CONFIG } from './src/integrations/content-security-policy.ts';
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
  // event handler or foreign origin can run. The policy is defined in one place:
  // src/integrations/content-security-policy.ts.
  security: { csp: CSP_CONFIG },
  devToolbar: { enabled: false },
  prefetch: false,
  // Order matters at astro:build:done: the policy moves first in each page before Pagefind
  // reads the pages, and the deck and the Pagefind index must exist before the service
  // worker precaches them.
  integrations: [
    mdx(),
    sitemap(),
    contentSecurityPolicyIntegration(),
    deckIntegration(),
    pagefindIntegration(),
    serviceWorkerIntegration(),
  ],
});
