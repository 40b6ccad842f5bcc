import { readPage } from './support/built-site.ts';
import { expect, test } from './support/fixtures.ts';
import { cachedUrls, guidesOf, SITES, titleOf, visitOnce, watchCsp } from './offline-support.ts';

test.use({ serviceWorkers: 'allow' });
test.describe.configure({ timeout: 120_000 });

for (const site of SITES) {
  test(`guides read before the app installed are kept once it does, ${site.name}`, async ({
    page,
    context,
    baseURL,
  }) => {
    const root = site.url(baseURL);
    const csp = watchCsp(page);
    const [first, second] = guidesOf(site.dir());
    if (!first || !second) throw new Error('the build needs two guides');
    // The first guide installs nothing; the second page of the visit installs the app.
    await page.goto(new URL(first, root).href);
    // Wait until the page has counted itself (its registration code may run late on a busy machine):
    // otherwise the second page is counted first, installs nothing, and the test waits for nothing.
    await expect
      .poll(() => page.evaluate(() => sessionStorage.getItem('vibe-check:pages-viewed')), { timeout: 20_000 })
      .toBe('1');
    await visitOnce(page, new URL(second, root).href);
    // Neither page came through the worker: it keeps them once it controls the page.
    await expect
      .poll(async () => (await cachedUrls(page, root))['vibe-check-pages'] ?? [], { timeout: 30_000 })
      .toEqual(expect.arrayContaining([first, second]));

    await context.setOffline(true);
    for (const guide of [first, second]) {
      const response = await page.goto(new URL(guide, root).href);
      expect(response?.status(), guide).toBe(200);
      expect(await page.title()).toBe(titleOf(readPage(`/${guide}`, site.dir())));
    }
    expect(csp).toEqual([]);
  });
}
