/**
 * The e2e suite's own content: a small, frozen site in `tests/fixtures/site/content/`
 * (one or more guides per section, the five phases the drill times, the three
 * archetypes, two practice prompts), built by `npm run test:e2e` through the same
 * integrations as the real site (deck, Pagefind, service worker). Specs name the
 * pages and cards they use from here, never from `content/`, so a new or edited real
 * guide cannot break them. Only `tests/e2e/smoke/` looks at the real guides.
 *
 * Changing a fixture guide is a test change: keep the ids and texts below true.
 */

/** The fixture guides, relative to the project root (the build's CONTENT_DIR). */
export const FIXTURE_CONTENT_DIR = 'tests/fixtures/site/content';

/** Build folders: the fixture site at the root and under /vibe/, and the real guides for the smoke suite. */
export const BUILDS = {
  fixture: { env: 'E2E_DIST', dir: 'dist-e2e', base: '/' },
  fixtureVibe: { env: 'E2E_VIBE_DIST', dir: 'dist-e2e-vibe', base: '/vibe/' },
  real: { env: 'E2E_REAL_DIST', dir: 'dist', base: '/' },
} as const;

export type BuildName = keyof typeof BUILDS;

/** The folder a build lives in: its environment variable (parallel work can point elsewhere), else the default. */
export function buildDir(name: BuildName): string {
  const build = BUILDS[name];
  return process.env[build.env] || build.dir;
}

/**
 * The guide most specs read, grade and search: cards, clozes, clarifying questions
 * with situations, and the `latency-budget` heading the question search lands on.
 */
export const GUIDE = '/phases/constraints/';
/** Cards authored in GUIDE, by id. */
export const GUIDE_CARDS = {
  precompute: 'constraints-precompute',
  p99NotMean: 'constraints-p99-not-mean',
  p99NotMeanAgain: 'constraints-p99-not-mean-again',
  lateLabels: 'constraints-late-labels',
  noLabels: 'constraints-no-labels',
} as const;
/** A heading of GUIDE that clarifying questions point to. */
export const GUIDE_HEADING = '/phases/constraints/#latency-budget';

/** The drill's default prompt (a `practice` frontmatter with its own hint questions), as the drill names it. */
export const PROMPT = 'prompts/fraud-detection';
/** A second prompt, whose hints are its own questions. */
export const OTHER_PROMPT = 'prompts/support-assistant-over-docs';
