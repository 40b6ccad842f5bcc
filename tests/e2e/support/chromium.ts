import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Finds the Chromium that e2e tests drive: `CHROME_PATH`, else Debian's
 * /usr/bin/chromium. When it is missing and we are root with apt, installs
 * Debian's package; otherwise stops with a one-line instruction. Never skips.
 */
export function findChromium(): string {
  const wanted = process.env['CHROME_PATH'] || '/usr/bin/chromium';
  if (existsSync(wanted)) return wanted;
  if (process.env['CHROME_PATH']) throw new Error(`CHROME_PATH=${wanted} does not exist.`);
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('Chromium is missing: installing Debian’s chromium package…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (existsSync(wanted)) return wanted;
  }
  throw new Error(
    'Chromium not found: install it (`sudo apt-get install chromium`) or set CHROME_PATH to a Chromium binary.',
  );
}

/** Flags that keep headless Chromium quiet on a machine with no outside network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
];
