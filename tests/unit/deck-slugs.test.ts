import { satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/deck/build.ts';

/**
 * Heading ids must match what Astro renders, or cards link to nothing. The oracle
 * is Astro's own MDX pipeline: satteri with smart punctuation and Astro's
 * heading-id plugin, configured as @astrojs/markdown-satteri does for MDX. The
 * e2e test (tests/e2e/deck.spec.ts) checks the same against the built HTML.
 */
const HEADINGS = [
  "Don't panic",
  'A -- B',
  'Em---dash',
  'Seven-------hyphens',
  '1990s--2000s',
  'pre-- post',
  'Wait...',
  '"Quoted" words',
  "It's 'single' here",
  "Rock 'n' roll",
  'L4 vs. L5+',
  'Why `p99` matters',
  'Code `a--b` keeps c--d',
  '*Emph* and **strong**',
  'Costs & benefits',
  'Trade-offs: latency/throughput',
  'C++ and C#',
  'Hello [link](/x/) world',
  'Escaped \\-\\- dashes',
  'Entity &#45;&#45; dashes',
  'Named &mdash; entity',
  'Sum {1+1} here',
  'Use <abbr>ML</abbr> here',
  'Numbers 2-3 and 4 - 5',
  'Tabs\tand  spaces',
  'Under_score and CamelCase',
];

const FRONTMATTER = '---\ntitle: Slugs\ndescription: Heading ids.\nsection: toolbox\norder: 1\n---\n\n';

async function astroHeadings(body: string): Promise<{ slug: string; text: string }[]> {
  const data: { astro: { frontmatter: object; headings: { slug: string; text: string }[] } } = {
    astro: { frontmatter: {}, headings: [] },
  };
  await mdxToJs(body, {
    hastPlugins: [satteriHeadingIdsPlugin()],
    features: { gfm: true, smartPunctuation: true },
    jsxImportSource: 'astro',
    data: data as unknown as Parameters<typeof mdxToJs>[1] extends { data?: infer D } ? D : never,
  });
  return data.astro.headings;
}

describe('heading ids', () => {
  it('match the ids Astro’s satteri processor gives the same headings', async () => {
    const body = HEADINGS.map((h) => `## ${h}\n\nText.\n`).join('\n');
    const expected = await astroHeadings(body);
    const result = buildDeck([{ path: 'toolbox/slugs.mdx', source: FRONTMATTER + body }]);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const concepts = result.build.questionIndex.concepts.slice(1);
    expect(concepts.map((c) => c.url.slice('/toolbox/slugs/#'.length))).toEqual(expected.map((h) => h.slug));
    // Smart punctuation in the text too, so title paths read like the page's table of contents.
    expect(concepts.map((c) => c.titlePath.at(-1))).toEqual(expected.map((h) => h.text.trim()));
  });

  it('use one slugger per file, as Astro does', async () => {
    const page = (title: string) =>
      `${FRONTMATTER.replace('Slugs', title)}## Shared name\n\n<Card id="${title}" q="Q ${title}?">\nA.\n</Card>\n`;
    const result = buildDeck([
      { path: 'toolbox/one.mdx', source: page('one') },
      { path: 'toolbox/two.mdx', source: page('two') },
    ]);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.build.deck.cards.map((c) => c.concept)).toEqual([
      '/toolbox/one/#shared-name',
      '/toolbox/two/#shared-name',
    ]);
  });
});
