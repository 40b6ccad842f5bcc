import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** The rule sets every page is held to. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Opens `path` in `theme` with every `<details>` open (answers hidden in cards are checked too) and expects no axe violation. */
export async function expectAxeClean(page: Page, path: string, theme: 'light' | 'dark'): Promise<void> {
  await page.addInitScript((t) => localStorage.setItem('vibe-check:theme', t), theme);
  await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  await page.evaluate(() =>
    document.querySelectorAll('main details').forEach((d) => ((d as HTMLDetailsElement).open = true)),
  );
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const failures = result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(' ')}`);
  expect(failures, `${path} (${theme})`).toEqual([]);
}
