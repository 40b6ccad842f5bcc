import type { Page } from '@playwright/test';

/**
 * Collects Content Security Policy violations reported by every page loaded in `page`
 * (console reports and `securitypolicyviolation` events); with `pageErrors`, uncaught
 * page errors too. Assert the returned array is empty at the end of a test.
 */
export function watchCsp(page: Page, { pageErrors = false }: { pageErrors?: boolean } = {}): string[] {
  const problems: string[] = [];
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  page.on('console', (message) => {
    if (/Content Security Policy|CSP violation/iu.test(message.text())) problems.push(message.text());
  });
  if (pageErrors) page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return problems;
}
