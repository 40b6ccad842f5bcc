import { expect, test } from './support/fixtures.ts';
import { watchCsp } from './support/csp.ts';

/**
 * Without the question index (offline before the app has kept it), the Ctrl+K dialog says
 * concept search is unavailable and what to do, instead of "Nothing matches".
 */
test('offline without the question index, the search dialog says concept search is unavailable, not "Nothing matches"', async ({
  page,
  context,
}) => {
  const csp = watchCsp(page);
  // The index never arrives: what an offline reader without the installed app gets.
  await context.route('**/questions/search-index.json', (route) => route.abort('internetdisconnected'));
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Search' })).toBeEnabled();
  await page.keyboard.press('Control+k');
  await page.evaluate(() => customElements.whenDefined('search-dialog'));
  await context.setOffline(true);
  await page.getByRole('textbox', { name: 'Search the guides' }).fill('latency');

  const status = page.locator('#search-dialog-status');
  await expect(status).toContainText('concept search is unavailable offline', { timeout: 20_000 });
  await expect(status).not.toContainText('Nothing matches');
  const note = page.locator('[data-concepts-note]');
  await expect(note).toBeVisible();
  await expect(note).toHaveText(
    'Concept search is unavailable offline: this device has not kept the question index yet. Open the site once while online and it is kept for next time.',
  );

  // Back online, the next search loads the index and answers with concepts.
  await context.setOffline(false);
  await context.unrouteAll();
  await page.getByRole('textbox', { name: 'Search the guides' }).fill('latency budget');
  await expect(page.locator('[data-concepts] .concept-link').first()).toBeVisible({ timeout: 20_000 });
  await expect(note).toBeHidden();
  expect(csp).toEqual([]);
});
