import { SECTION_IDS } from '../../../src/lib/sections.ts';
import { expectAxeClean } from '../support/axe-page.ts';
import { brokenLinks, builtPages, guidePagesBySection, realDistDir } from '../support/built-site.ts';
import { expect, test } from '../support/fixtures.ts';

// The smoke suite: the real guides (content/), built by `npm run build`. Everything else
// runs on the fixture site; nothing here counts guides or cards, so new content only
// has to render, link and pass axe.

const pages = builtPages(realDistDir());
const guides = guidePagesBySection(pages, SECTION_IDS);

test('every page of the real guides answers 200 and has its h1', async ({ request }) => {
  test.setTimeout(120_000);
  expect(guides.size).toBeGreaterThan(0);
  const failures: string[] = [];
  for (const path of pages.filter((p) => p !== '/404.html')) {
    const response = await request.get(path);
    const html = await response.text();
    if (response.status() !== 200) failures.push(`${path}: ${response.status()}`);
    else if (!/<h1\b[^>]*>[^<]*\S/u.test(html)) failures.push(`${path}: no h1 with text`);
  }
  expect(failures).toEqual([]);
});

test('no broken internal link or anchor in the real guides', () => {
  expect(brokenLinks(realDistDir())).toEqual([]);
});

// A sample of page kinds: the home page, a section index, and the first guide of each section.
const sample = ['/', `/${SECTION_IDS[0]}/`, ...[...guides.values()].map((inSection) => inSection[0] ?? '/')];
for (const theme of ['light', 'dark'] as const) {
  for (const path of sample) {
    test(`axe finds no violation on the real ${path} in the ${theme} theme`, async ({ page }) => {
      test.setTimeout(90_000);
      await expectAxeClean(page, path, theme);
    });
  }
}
