import type { KnipConfig } from 'knip';

/**
 * knip (in `npm run check`) finds unused files, exports and dependencies. Its plugins read the
 * entry points of Astro (astro.config.mjs, src/pages, src/content.config.ts), Vitest, Playwright
 * (the specs and their global set-up) and the package.json scripts (scripts/…); the browser and
 * Node workers are found where they are started, `new Worker(new URL('./x.ts', import.meta.url))`.
 */
const config: KnipConfig = {
  // The guides are entries too: Astro's content collection loads them (src/content.config.ts).
  entry: ['content/**/*.mdx'],
  project: ['**/*.{ts,mjs,astro,mdx}'],
  // The deck builder's test fixtures are MDX read as data by the unit tests, not modules.
  ignore: ['tests/fixtures/**'],
  // An exported name that its own file uses is part of that file's interface (a test or a type may
  // need it next); only an export nothing uses, not even its own file, is dead.
  ignoreExportsUsedInFile: true,
  ignoreDependencies: [
    // The Lighthouse audit runs it as a command (`npx lighthouse …` from scripts/bench/lighthouse-audit.ts).
    'lighthouse',
    // tests/unit/deck-slugs.test.ts checks the deck's heading ids against Astro's own MDX processor,
    // so it imports the copy Astro resolves; a listed copy could be another version.
    'satteri',
  ],
  // The e2e set-up installs Chromium with apt-get when it is missing (tests/e2e/support/chromium.ts).
  ignoreBinaries: ['apt-get'],
};

export default config;
