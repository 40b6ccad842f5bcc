import AxeBuilder from '@axe-core/playwright';
import { spawn } from 'node:child_process';
import { appendFile, cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic, type StaticServer } from '../../../scripts/lib/static-server.ts';
import { expect, test } from '../support/fixtures.ts';
import { FIXTURE_CONTENT_DIR, GUIDE as GUIDE_URL } from '../support/fixture-site.ts';
import { openReview, rateCard, SITES, storedRatings, visitOnce, watchCsp } from '../offline-support.ts';
import { storedMeta } from '../support/stored-log.ts';

test.use({ serviceWorkers: 'allow' });
// Two full builds of the site per test.
test.describe.configure({ timeout: 1_200_000 });

const REPO = process.cwd();
/** What `astro build` reads, but the fixture guides as its content: the test builds a copy so it can change content freely. */
const PROJECT = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public', 'scripts'];
/** The guide the test edits between the two builds (`phases/constraints`). */
const GUIDE = GUIDE_URL.slice(1, -1);
const EDIT = 'This sentence arrived with the second build.';

async function copyProject(): Promise<string> {
  await mkdir(join(REPO, '.tmp'), { recursive: true });
  const dir = await mkdtemp(join(REPO, '.tmp', 'offline-update-'));
  for (const entry of PROJECT) await cp(join(REPO, entry), join(dir, entry), { recursive: true });
  await cp(join(REPO, FIXTURE_CONTENT_DIR), join(dir, 'content'), { recursive: true });
  return dir;
}

/** `astro build` in `project`, into its dist/ (the same folder every time, as a deploy does). */
function buildSite(project: string, base: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: project,
      env: { ...process.env, BASE_PATH: base, OUT_DIR: './dist', CONTENT_DIR: 'content', NO_COLOR: '1' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`astro build failed (${code}):\n${output.slice(-3000)}`)),
    );
  });
}

for (const site of SITES) {
  test(`a new build installs in the background and waits for the reader, mid-review included, ${site.name}`, async ({
    page,
  }, testInfo) => {
    const project = await copyProject();
    let server: StaticServer | undefined;
    try {
      await buildSite(project, site.base);
      server = await serveStatic(join(project, 'dist'), site.base);
      const root = server.url;
      const csp = watchCsp(page);
      await visitOnce(page, root);
      // Read the guide once, so this device keeps the first build's copy.
      await page.goto(new URL(`${GUIDE}/`, root).href);
      await expect(page.getByText(EDIT)).toHaveCount(0);
      // The guide records the visit once the browser is idle, and new cards follow the guides read:
      // wait for it, so the review's counts below do not change when the other tab opens this guide.
      await expect
        .poll(async () => Object.keys((await storedMeta(page, 'visits')) ?? {}), { timeout: 20_000 })
        .toContain(`/${GUIDE}/`);

      // A review in progress: one card rated, the next one's answer on screen.
      await openReview(page, new URL('review/', root).href);
      await rateCard(page, '4');
      await page.keyboard.press('Space');
      await expect(page.locator('[data-grades] button').first()).toBeEnabled();
      const front = await page.locator('[data-front]').innerText();
      await page.evaluate(() => Object.assign(window, { offlineTestMarker: 'still this page' }));

      await appendFile(join(project, 'content', `${GUIDE}.mdx`), `\n\n${EDIT}\n`);
      await buildSite(project, site.base);
      // What the browser does on its own on the next navigation, or when the tab is shown again.
      await page.evaluate(async () => {
        await (await navigator.serviceWorker.getRegistration())?.update();
      });

      const prompt = page.getByRole('status').filter({ hasText: 'Update available' });
      await expect(prompt).toBeVisible({ timeout: 60_000 });
      await expect(prompt.getByRole('button', { name: 'Reload' })).toBeVisible();
      const shot = await page.screenshot();
      await testInfo.attach('update prompt', { body: shot, contentType: 'image/png' });
      if (process.env['OFFLINE_SCREENSHOT_DIR']) {
        await page.screenshot({
          path: join(
            process.env['OFFLINE_SCREENSHOT_DIR'],
            `update-prompt-${site.base.replaceAll('/', '') || 'root'}.png`,
          ),
        });
      }
      for (const theme of ['light', 'dark'] as const) {
        await page.evaluate((t) => (document.documentElement.dataset['theme'] = t), theme);
        const axe = await new AxeBuilder({ page }).include('.update-prompt').analyze();
        expect(axe.violations.map((v) => `${theme}: ${v.id}`)).toEqual([]);
      }
      // Nothing reloaded once the new version was waiting (the prompt above is that event), the card is
      // still mid-answer, and its rating keys still go to the review.
      expect(await page.evaluate(() => (window as { offlineTestMarker?: string }).offlineTestMarker)).toBe(
        'still this page',
      );
      expect(await page.locator('[data-front]').innerText()).toBe(front);
      await page.keyboard.press('4');
      await expect.poll(() => storedRatings(page), { timeout: 20_000 }).toBe(2);

      // "Later" puts it away; the waiting version comes back on the next page load.
      await prompt.getByRole('button', { name: /^Later/ }).click();
      await expect(prompt).toBeHidden();
      await page.reload();
      await expect(prompt).toBeVisible({ timeout: 20_000 });

      // A second tab, on the guide, puts the prompt away too.
      const other = await page.context().newPage();
      await other.goto(new URL(`${GUIDE}/`, root).href);
      const otherPrompt = other.getByRole('status').filter({ hasText: 'Update available' });
      await otherPrompt.getByRole('button', { name: /^Later/ }).click();
      await expect(otherPrompt).toBeHidden();
      await other.evaluate(() => Object.assign(window, { offlineTestMarker: 'other tab' }));

      // The prompt is the first Tab stop; Enter reloads into the new version.
      await page.keyboard.press('Tab');
      await expect(prompt.getByRole('button', { name: 'Reload' })).toBeFocused();
      await Promise.all([page.waitForEvent('framenavigated'), page.keyboard.press('Enter')]);
      await expect(page.getByRole('button', { name: /Show answer/ })).toBeEnabled({ timeout: 20_000 });
      await expect(prompt).toHaveCount(0);
      // The review goes on where it was: both ratings kept, the queue's counts shown (their figures follow
      // the content and the guides read, so only the ratings are compared).
      await expect(page.locator('[data-counts]')).not.toBeEmpty();
      expect(await storedRatings(page)).toBe(2);

      // The other tab now runs on the new worker with the old page: it asks again, and waits.
      await expect(otherPrompt).toBeVisible({ timeout: 20_000 });
      expect(await other.evaluate(() => (window as { offlineTestMarker?: string }).offlineTestMarker)).toBe(
        'other tab',
      );
      // Online, a guide is the newest build's even before the reader accepts the new app.
      await expect(other.getByText(EDIT)).toBeVisible();
      await Promise.all([
        other.waitForEvent('framenavigated'),
        otherPrompt.getByRole('button', { name: 'Reload' }).click(),
      ]);
      await expect(other.getByText(EDIT)).toBeVisible();
      await other.close();

      // The saved guide was replaced once read online: offline it is the new build's, the only copy kept.
      await page.context().setOffline(true);
      await page.goto(new URL(`${GUIDE}/`, root).href);
      await expect(page.getByText(EDIT)).toBeVisible();
      const cached = await page.evaluate(async () => {
        const names = await caches.keys();
        const urls = (await Promise.all(names.map(async (n) => (await caches.open(n)).keys()))).flat();
        return { names, urls: urls.map((r) => r.url) };
      });
      expect(cached.names.filter((name) => name.includes('precache'))).toHaveLength(1);
      expect(cached.urls.filter((u) => u.includes(`/${GUIDE}/`))).toHaveLength(1);
      expect(csp).toEqual([]);
    } finally {
      await server?.close();
      await rm(project, { recursive: true, force: true });
    }
  });
}
