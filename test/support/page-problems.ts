// What a page did that a test of it must fail on: console errors and warnings, page errors, dialogs, and any
// request to a URL the page may not reach. Shared by the HTML report and playground browser tests.

import type { Page } from 'playwright-core';

/** Starts recording `page`'s problems; the list fills as the page runs. */
export function watchPage(page: Page, allowed: (url: string) => boolean): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!allowed(r.url())) problems.push(`request: ${r.url()}`);
  });
  return problems;
}
