// Headless Chromium for the end-to-end tests, driven by playwright-core. The browser is found in this order:
// CHROME_PATH, a system Chromium, then the Chromium that ships inside the npm package @sparticuz/chromium (a
// devDependency, so `npm install` alone provides a browser on a machine that has none).
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

let found: Promise<string> | undefined;

async function findChromium(): Promise<string> {
  const requested = process.env['CHROME_PATH'];
  if (requested) {
    if (!existsSync(requested)) throw new Error(`CHROME_PATH points at ${requested}, which does not exist.`);
    return requested;
  }
  const system = SYSTEM_CHROMIUM.find((p) => existsSync(p));
  if (system) return system;
  // The package unpacks its brotli-compressed binary (and the libraries it needs) into the temp folder once.
  const { default: packaged } = await import('@sparticuz/chromium');
  return packaged.executablePath();
}

/** The browser binary the tests use (found once per test file). */
export function chromiumPath(): Promise<string> {
  found ??= findChromium();
  return found;
}

/** Flags for a quiet headless browser on a machine with a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumPath(), args: [...CHROMIUM_ARGS, ...extraArgs] });
}
