// Drives a playground page in chromium the way a student does: waits for the prompt, types lines into the
// terminal, saves files through the editor, and records what a test must refuse (console errors, page errors,
// requests outside the site).

import type { Browser, Page } from 'playwright-core';
import { watchPage } from '../support/page-problems.js';

/** An open page and what went wrong on it. */
export interface OpenPage {
  page: Page;
  problems: string[];
}

/** Opens `url`, recording console errors and warnings, page errors, dialogs and requests outside `siteUrl`. */
export async function openPage(browser: Browser, url: string, siteUrl: string, viewport = { width: 1280, height: 900 }): Promise<OpenPage> {
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  // the page's own files, and the blob: the worker is started from
  const problems = watchPage(page, (u) => u.startsWith(siteUrl) || u.startsWith('blob:'));
  await page.goto(url);
  await waitReady(page);
  return { page, problems };
}

/** Waits for a prompt that accepts input. */
export async function waitReady(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid=terminal][data-ready=true]', { timeout: 20_000 });
}

/** Types one line into the terminal and waits for the next prompt, then for the checks of that state. */
export async function typeLine(page: Page, line: string): Promise<void> {
  const before = await page.evaluate(() => window.drydockTimings.length);
  await page.locator('[data-testid=terminal] textarea').focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => window.drydockTimings.length > n, before, { timeout: 20_000 });
  await waitChecked(page);
}

/** Waits until the checks shown are those of the latest state (they run after the prompt is back). */
export async function waitChecked(page: Page): Promise<void> {
  // no named function inside: tsx would wrap it in a helper the page does not have
  await page.waitForFunction(() => ['checks', 'terminal'].map((id) => Number(document.getElementById(id)?.dataset.events ?? '0')).reduce((checked, typed) => checked - typed) >= 0, undefined, { timeout: 20_000 });
}

/** Saves a host file through the editor and waits until the worker has it. */
export async function saveFile(page: Page, path: string, content: string): Promise<void> {
  const before = Number((await page.getAttribute('[data-testid=terminal]', 'data-events')) ?? '0');
  await page.fill('#file-name', path);
  await page.fill('#editor', content);
  await page.click('#save');
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=terminal]')?.getAttribute('data-events') ?? '0') > n, before);
}

/** The terminal's text as shown (xterm's DOM renderer keeps a row per line). */
export async function terminalText(page: Page): Promise<string> {
  return page.$$eval('[data-testid=terminal] .xterm-rows > div', (rows) => rows.map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()).join('\n'));
}

/** data-status of every check row, in order. */
export async function checkStatuses(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid=check]', (rows) => rows.map((r) => r.getAttribute('data-status') ?? ''));
}

/** The lines of a commands.sh that are commands (comments and blank lines left out, continuations joined). */
export function commandLines(text: string): string[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
}

/** Waits until the terminal shows text matching `re` (xterm renders on the next animation frame). */
export async function waitForText(page: Page, re: RegExp): Promise<string> {
  try {
    await page.waitForFunction(
      ([source, flags]) => new RegExp(source as string, flags as string).test(Array.from(document.querySelectorAll('[data-testid=terminal] .xterm-rows > div')).map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()).join('\n')),
      [re.source, re.flags],
      { timeout: 10_000 },
    );
  } catch {
    // fall through to the assertion, which shows what the terminal holds
  }
  const text = await terminalText(page);
  if (!re.test(text)) throw new Error(`the terminal does not show ${re}:\n${text.trimEnd()}`);
  return text;
}
