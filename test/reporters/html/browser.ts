// Debian's chromium through playwright-core (no browser is ever downloaded), for the HTML report tests;
// `chromiumPath()` is undefined when it is not installed, and those tests are then skipped.

import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** The chromium binary, when there is one. */
export function chromiumPath(): string | undefined {
  const path = process.env.DRYDOCK_CHROMIUM ?? '/usr/bin/chromium';
  return existsSync(path) ? path : undefined;
}

/** A headless chromium with no network chatter of its own. */
export async function launchBrowser(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
