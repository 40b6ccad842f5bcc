import { expect, type Page } from '@playwright/test';

/**
 * Chooses a progress file in the review page's import control, once the control works: its code
 * loads when the browser is idle and the input stays disabled until then, and a file set on the
 * disabled input would be ignored (a race the tests lost under load).
 */
export async function chooseProgressFile(page: Page, path: string): Promise<void> {
  const input = page.getByLabel('Import progress');
  await expect(input).toBeEnabled({ timeout: 20_000 });
  await input.setInputFiles(path);
}
