import { readFileSync } from 'node:fs';
import { join, matchesGlob } from 'node:path';
import { PRECACHE_IGNORES } from '../../src/integrations/service-worker.ts';
import { builtPages, readPage } from './support/built-site.ts';
import { expect, test } from './support/fixtures.ts';
import { builtFiles, SITES, titleOf, visitOnce, watchCsp } from './offline-support.ts';

test.use({ serviceWorkers: 'allow' });

const notPrecached = (file: string) =>
  file === 'sw.js' || PRECACHE_IGNORES.some((pattern) => matchesGlob(file, pattern));

for (const site of SITES) {
  test.describe(`offline, ${site.name}`, () => {
    // The first visit installs the whole precache: slow on a busy machine.
    test.describe.configure({ timeout: 120_000 });

    test('after one visit, every page is there offline, unvisited ones included', async ({
      page,
      context,
      baseURL,
    }) => {
      const root = site.url(baseURL);
      const csp = watchCsp(page);
      await visitOnce(page, root);
      await context.setOffline(true);
      const pages = builtPages(site.dir());
      const guide = pages.find((p) => p === '/phases/constraints/') ?? pages.find((p) => p.split('/').length === 4);
      if (!guide) throw new Error('the build has no guide page');
      const response = await page.goto(new URL(guide.slice(1), root).href);
      expect(response?.status()).toBe(200);
      expect(response?.fromServiceWorker()).toBe(true);
      expect(await page.title()).toBe(titleOf(readPage(guide, site.dir())));
      // Every other page, by its directory-style URL, byte for byte as built.
      const bodies = await page.evaluate(
        (urls) => Promise.all(urls.map(async (url) => (await fetch(url)).text())),
        pages.map((p) => new URL(p.slice(1), root).href),
      );
      expect(Object.fromEntries(pages.map((p, i) => [p, bodies[i]]))).toEqual(
        Object.fromEntries(pages.map((p) => [p, readPage(p, site.dir())])),
      );
      expect(csp).toEqual([]);
    });

    test('offline, query strings and slashless URLs resolve, and an unknown URL gets the 404 page', async ({
      page,
      context,
      baseURL,
    }) => {
      const root = site.url(baseURL);
      const csp = watchCsp(page);
      await visitOnce(page, root);
      await context.setOffline(true);

      const questions = await page.goto(new URL('questions/?q=latency', root).href);
      expect(questions?.status()).toBe(200);
      expect(await page.title()).toBe(titleOf(readPage('/questions/', site.dir())));

      const guide = builtPages(site.dir()).find((p) => p.split('/').length === 4) ?? '/about/';
      await page.goto(new URL(guide.slice(1, -1), root).href);
      expect(new URL(page.url()).pathname).toBe(`${site.base}${guide.slice(1)}`);
      expect(await page.title()).toBe(titleOf(readPage(guide, site.dir())));

      const missing = await page.goto(new URL('no/such/page/', root).href);
      expect(missing?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
      // The 404 page is whole offline: styled, and its links stay under the base.
      const home = page.getByRole('link', { name: 'Go to the home page' });
      await expect(home).toHaveAttribute('href', site.base);
      await home.click();
      await expect(page).toHaveURL(root);
      expect(csp).toEqual([]);
    });

    test('Chrome finds it installable: manifest under the base, icons that load at their sizes', async ({
      page,
      baseURL,
    }) => {
      const root = site.url(baseURL);
      await visitOnce(page, root);
      const cdp = await page.context().newCDPSession(page);
      const app = await cdp.send('Page.getAppManifest');
      expect(app.url).toBe(new URL('manifest.webmanifest', root).href);
      expect(app.errors).toEqual([]);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      // Playwright's contexts are incognito, the one thing that stops a real install here.
      expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
      const manifest = JSON.parse(app.data ?? '{}') as {
        start_url: string;
        scope: string;
        icons: { src: string; sizes: string }[];
      };
      expect([manifest.start_url, manifest.scope]).toEqual([site.base, site.base]);
      const sizes = await page.evaluate(
        (icons) =>
          Promise.all(
            icons.map(async ({ src }) => {
              const bitmap = await createImageBitmap(await (await fetch(src)).blob());
              return `${bitmap.width}x${bitmap.height}`;
            }),
          ),
        manifest.icons.filter((i) => i.sizes !== 'any'),
      );
      expect(sizes).toEqual(manifest.icons.filter((i) => i.sizes !== 'any').map((i) => i.sizes));
    });

    test('offline, every file of the build the site uses is served whole from the precache', async ({
      page,
      context,
      baseURL,
    }) => {
      const root = site.url(baseURL);
      await visitOnce(page, root);
      await context.setOffline(true);
      const files = builtFiles(site.dir()).filter((f) => !f.endsWith('.html') && !notPrecached(f));
      const sizes = await page.evaluate(
        (urls) =>
          Promise.all(
            urls.map(async (url) => {
              const response = await fetch(url);
              return response.ok ? (await response.arrayBuffer()).byteLength : -response.status;
            }),
          ),
        files.map((f) => new URL(f, root).href),
      );
      expect(Object.fromEntries(files.map((f, i) => [f, sizes[i]]))).toEqual(
        Object.fromEntries(files.map((f) => [f, readFileSync(join(site.dir(), f)).byteLength])),
      );
    });

    test('offline, the deck, the question index and the Pagefind index are there', async ({
      page,
      context,
      baseURL,
    }) => {
      const root = site.url(baseURL);
      await visitOnce(page, root);
      await context.setOffline(true);
      const status = (path: string) =>
        page.evaluate(async (url) => (await fetch(url)).status, new URL(path, root).href);
      expect(await status('deck.json')).toBe(200);
      expect(await status('questions.json')).toBe(200);
      expect(await status('pagefind/pagefind.js')).toBe(200);
      // Pagefind asks for its entry file with a cache-busting `?ts=`: it must still hit the cache.
      expect(await status(`pagefind/pagefind-entry.json?ts=${Date.now()}`)).toBe(200);
    });
  });
}
