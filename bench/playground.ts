// `npm run bench -- playground`: issue 16's four targets of the browser playground measured in one run, in
// Debian's chromium (playwright-core, no browser downloaded): what an exercise page loads (gzip), navigation to a
// prompt that accepts input, Enter to the next prompt for each command of the notes' dc01/dc02/dc03 sequence
// typed into the terminal (on free play and on an exercise page whose checks re-run after every command), and
// requests outside the site. The machine's load is printed with the figures: they mean little without it.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildSite } from '../src/playground/build-site.js';

/** The notes' sequence as a student types it (test/playground/playground-browser.test.ts types the same). */
export const NOTES_LINES = [
  'docker build -t tim/centos .',
  'docker run -dit --name dc01 tim/centos',
  'docker run -dit --name dc02 --volumes-from dc01 tim/centos',
  'docker run -dit --name dc03 --volumes-from dc01 tim/centos',
  'docker rm -f dc01',
  'docker exec dc02 touch /dataVolume1/dc02_update.txt',
  'docker exec dc03 ls /dataVolume1',
  'docker rm -f -v dc02 dc03',
];

const DOCKERFILE = 'FROM centos\nVOLUME ["/dataVolume1", "/dataVolume2"]\nCMD /bin/bash\n';
const ROUNDS = Number(process.env.DRYDOCK_BENCH_ROUNDS ?? 5);
const PAGE_LOADS = 5;

const quantile = (sorted: readonly number[], q: number) => sorted[Math.max(0, Math.ceil(sorted.length * q) - 1)] as number;
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');

/** Page timings of one typed sequence: Enter → prompt, the worker's share, Enter → the prompt's first paint. */
interface Typed {
  prompt: number[];
  worker: number[];
  painted: number[];
}

/** Types the notes' sequence `rounds` times after one warm-up round; the warm-up's figures are dropped. */
export async function typeNotes(page: Page, rounds: number): Promise<Typed> {
  const textarea = page.locator('[data-testid=terminal] textarea');
  for (let round = 0; round <= rounds; round++) {
    for (const line of NOTES_LINES) {
      await textarea.focus();
      await page.keyboard.type(line);
      // Enter is pressed once the typed line is on screen, so the time is the command's, not the typing's
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const before = await page.evaluate(() => window.drydockTimings.length);
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => window.drydockTimings.length > n && window.drydockPaintMs.length > n, before);
    }
  }
  const skip = NOTES_LINES.length;
  return page.evaluate((n) => ({ prompt: window.drydockTimings.slice(n), worker: window.drydockWorkerMs.slice(n), painted: window.drydockPaintMs.slice(n) }), skip);
}

/** p50/p95/max of a list of ms, as printed. */
export function spread(list: readonly number[]): string {
  const s = [...list].sort((a, b) => a - b);
  return `p50 ${quantile(s, 0.5).toFixed(1)}, p95 ${quantile(s, 0.95).toFixed(1)}, max ${(s.at(-1) ?? 0).toFixed(1)} ms`;
}

async function saveDockerfile(page: Page): Promise<void> {
  const before = Number((await page.getAttribute('[data-testid=terminal]', 'data-events')) ?? '0');
  await page.fill('#file-name', 'Dockerfile');
  await page.fill('#editor', DOCKERFILE);
  await page.click('#save');
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=terminal]')?.getAttribute('data-events') ?? '0') > n, before);
}

async function open(browser: Browser, url: string, outside: string[], site: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('request', (r) => {
    if (!r.url().startsWith(site) && !r.url().startsWith('blob:')) outside.push(r.url());
  });
  await page.goto(url);
  await page.waitForSelector('[data-testid=terminal][data-ready=true]', { timeout: 30_000 });
  return page;
}

export async function benchPlayground(): Promise<void> {
  const executablePath = process.env.DRYDOCK_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    console.log('playground: skipped (no chromium at /usr/bin/chromium; DRYDOCK_CHROMIUM names another)');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'drydock-bench-playground-'));
  const slug = 'volumes-from-dc01';
  try {
    const built = await buildSite({ files: [resolve('scenarios/exercises', slug, 'exercise.yaml')], outDir: dir, cwd: process.cwd() });
    const loaded = built.files.filter((f) => f.path.startsWith('assets/') || f.path === `${slug}/index.html`);
    const gzip = loaded.reduce((s, f) => s + f.gzip, 0);
    console.log(`playground: load average ${load()} at start`);
    console.log(`  an exercise page loads ${(gzip / 1024).toFixed(0)} KB gzip (${loaded.map((f) => `${f.path.replace(/^.*\//, '')} ${(f.gzip / 1024).toFixed(0)}`).join(', ')}); target ≤ 400 KB`);
    const site = pathToFileURL(dir).href;
    const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    const outside: string[] = [];
    try {
      const ready: number[] = [];
      for (let i = 0; i < PAGE_LOADS; i++) {
        const page = await open(browser, `${site}/${slug}/index.html`, outside, site);
        ready.push((await page.evaluate(() => window.drydockReadyMs)) as number);
        await page.close();
      }
      console.log(`  navigation → first prompt that accepts input, ${PAGE_LOADS} fresh loads: ${spread(ready)}; target < 1000 ms`);
      for (const [name, url] of [['free play', `${site}/free-play/index.html`], [`exercise ${slug} (4 checks re-run after each command)`, `${site}/${slug}/index.html`]] as const) {
        const page = await open(browser, url, outside, site);
        if (name === 'free play') await saveDockerfile(page);
        const t = await typeNotes(page, ROUNDS);
        console.log(`  ${name}: Enter → prompt accepting input ${spread(t.prompt)} over ${t.prompt.length} commands (${ROUNDS} rounds after a warm-up); target p95 < 20 ms`);
        console.log(`    the worker's share (command only) ${spread(t.worker)}; Enter → the prompt's first paint ${spread(t.painted)}`);
        await page.close();
      }
    } finally {
      await browser.close();
    }
    console.log(`  requests outside the site's files: ${outside.length}${outside.length ? ` (${outside.slice(0, 3).join(', ')})` : ''}; target none`);
    console.log(`  load average ${load()} at the end`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
