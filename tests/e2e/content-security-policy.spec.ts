import { createHash } from 'node:crypto';
import { builtPages, readPage } from './support/built-site.ts';
import { expect, test } from './support/fixtures.ts';

/** The policy of a built page's meta tag, by directive. */
function policyOf(html: string): Map<string, string> {
  const content = /<meta http-equiv="content-security-policy" content="([^"]*)"/u.exec(html)?.[1] ?? '';
  return new Map(
    content
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name = '', ...values] = part.split(/\s+/u);
        return [name, values.join(' ')] as const;
      }),
  );
}

test('every page declares the whole policy, in a meta tag that comes first in <head>, before any script', () => {
  const wrong: string[] = [];
  for (const path of builtPages()) {
    if (path.startsWith('/pagefind/')) continue;
    const html = readPage(path);
    const head = html.slice(html.indexOf('<head>') + '<head>'.length, html.indexOf('</head>'));
    // Only the charset (which must come first) may precede the policy.
    if (!/^<meta charset="utf-8"><meta http-equiv="content-security-policy" /u.test(head))
      wrong.push(`${path}: the policy is not the first tag after the charset`);
    const policy = policyOf(html);
    const expected: Record<string, RegExp> = {
      'default-src': /^'self'$/u,
      'connect-src': /^'self'$/u,
      'img-src': /^'self'( data:)?$/u,
      'frame-src': /^'none'$/u,
      'object-src': /^'none'$/u,
      'base-uri': /^'self'$/u,
      'form-action': /^'self'$/u,
      'worker-src': /^'self'$/u,
      'script-src': /^'self' 'wasm-unsafe-eval'( 'sha256-[^']+')*$/u,
      'style-src': /^'self'( 'sha256-[^']+')*$/u,
    };
    for (const [directive, value] of Object.entries(expected)) {
      if (!value.test(policy.get(directive) ?? ''))
        wrong.push(`${path}: ${directive} "${policy.get(directive) ?? ''}"`);
    }
    // Every inline script runs only if the policy lists its hash: the theme script too.
    for (const [, body = ''] of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([^<]*)<\/script>/gu)) {
      const hash = `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
      if (!(policy.get('script-src') ?? '').includes(hash))
        wrong.push(`${path}: inline script ${body.slice(0, 40)}… not in script-src`);
    }
  }
  expect(wrong).toEqual([]);
});

for (const path of ['/', '/review/']) {
  test(`on ${path}, an injected fetch, image and iframe to another origin are each blocked by the policy`, async ({
    page,
    context,
  }) => {
    const reached: string[] = [];
    await context.route('https://elsewhere.example/**', async (route) => {
      reached.push(route.request().url());
      await route.fulfill({ status: 200, body: '' });
    });
    await page.goto(path);
    await page.evaluate(() => {
      const seen: string[] = [];
      Object.assign(window, { cspSeen: seen });
      document.addEventListener('securitypolicyviolation', (e) =>
        // Chromium reports a frame's origin only, a fetch's and an image's whole URL.
        seen.push(`${e.effectiveDirective} ${new URL(e.blockedURI).origin}`),
      );
      void fetch('https://elsewhere.example/data.json').catch(() => undefined);
      const image = document.createElement('img');
      image.src = 'https://elsewhere.example/pixel.png';
      image.alt = '';
      document.body.append(image);
      const frame = document.createElement('iframe');
      frame.src = 'https://elsewhere.example/frame.html';
      frame.title = 'injected';
      document.body.append(frame);
    });
    await expect
      .poll(() => page.evaluate(() => [...((window as { cspSeen?: string[] }).cspSeen ?? [])].sort()))
      .toEqual([
        'connect-src https://elsewhere.example',
        'frame-src https://elsewhere.example',
        'img-src https://elsewhere.example',
      ]);
    expect(reached).toEqual([]);
  });
}
