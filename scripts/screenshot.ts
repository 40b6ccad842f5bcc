/**
 * Screenshots of the built site for reviewing the design by eye:
 *   npm run screenshot -- [--dist dist] [--out .tmp/shots] /path/ [/other/ …]
 * Each path is captured at phone (360 px) and desktop (1280 px) width, light and dark.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { parseArgs } from 'node:util';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/support/chromium.ts';
import { serveStatic } from './lib/static-server.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dist: { type: 'string', default: 'dist' },
    out: { type: 'string', default: '.tmp/shots' },
    full: { type: 'boolean', default: false },
  },
});
const paths = positionals.length ? positionals : ['/'];
mkdirSync(values.out, { recursive: true });
const server = await serveStatic(values.dist, '/');
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  for (const theme of ['light', 'dark'] as const) {
    for (const [label, width, height] of [
      ['phone', 360, 780],
      ['desktop', 1280, 860],
    ] as const) {
      const context = await browser.newContext({
        viewport: { width, height },
        colorScheme: theme,
        deviceScaleFactor: 1,
      });
      const page = await context.newPage();
      for (const path of paths) {
        await page.goto(new URL(path.replace(/^\//, ''), server.url).href);
        const name = `${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}-${label}-${theme}.png`;
        await page.screenshot({ path: `${values.out}/${name}`, fullPage: values.full });
        console.log(`${values.out}/${name}`);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
