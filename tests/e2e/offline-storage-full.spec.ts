import { readPage } from './support/built-site.ts';
import { expect, test } from './support/fixtures.ts';
import { guidesOf, SITES, titleOf, visitOnce } from './offline-support.ts';

test.use({ serviceWorkers: 'allow' });
test.describe.configure({ timeout: 120_000 });

const site = SITES[0];

test('storage full: a guide not saved still opens online, whole, however the worker fails to keep it', async ({
  page,
  context,
  baseURL,
}) => {
  const root = site.url(baseURL);
  const [guide] = guidesOf(site.dir());
  if (!guide) throw new Error('the build has no guide');
  await visitOnce(page, root);
  const worker = context.serviceWorkers().find((w) => w.url().endsWith('/sw.js'));
  if (!worker) throw new Error('no service worker');
  // What a full quota does to every write the worker tries.
  await worker.evaluate(() => {
    Cache.prototype.put = () => Promise.reject(new DOMException('Quota exceeded.', 'QuotaExceededError'));
  });
  const response = await page.goto(new URL(guide, root).href);
  expect(response?.status()).toBe(200);
  expect(await page.title()).toBe(titleOf(readPage(`/${guide}`, site.dir())));
  expect(await page.evaluate(() => navigator.onLine)).toBe(true);
});

test('storage full: "Save all" says plainly that storage is full and what frees it, not "try again"', async ({
  page,
  baseURL,
}) => {
  const root = site.url(baseURL);
  await page.addInitScript(() => {
    Cache.prototype.put = () => Promise.reject(new DOMException('Quota exceeded.', 'QuotaExceededError'));
  });
  await page.goto(new URL('about/#offline', root).href);
  const control = page.locator('save-offline');
  await expect(control.getByText(/guides? saved on this device/u)).toBeVisible({ timeout: 20_000 });
  await control.getByRole('button', { name: 'Save all guides for offline' }).click();
  const status = control.getByRole('status');
  await expect(status).toHaveText(
    /^Saving stopped: this browser’s storage for the site is full\. What was saved stays saved, and guides still open online\. To save the rest, free space on this device \(or clear other sites’ data in the browser’s settings\), then save again\.$/u,
    { timeout: 20_000 },
  );
  await expect(status).not.toContainText('try again to resume');
});
