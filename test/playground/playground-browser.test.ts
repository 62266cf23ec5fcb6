// The playground in Debian's chromium (playwright-core, no browser downloaded), opened from file:// as a teacher's
// folder would be: each of the eight exercises solved by typing its reference submission into the terminal (every
// visible check ends passed, and the hand-in zip graded by drydock's own grading scores full marks), a wrong
// submission showing its missed checks failed with their hints, a reload restoring history, files and state,
// Tab completion, the narrow-screen input line, and no console error or request outside the site anywhere.
// Budget: about a minute on 2 busy cores (one build of the site, one page per exercise). Skipped without chromium.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { builtinAssertions } from '../../src/assertions/registry.js';
import { loadExercise, type Exercise } from '../../src/grading/exercise.js';
import { gradeSubmission } from '../../src/grading/grade-submission.js';
import { simGradingEngine } from '../../src/grading/grading-engines.js';
import { readSubmission } from '../../src/grading/submission.js';
import { buildSite, type SiteResult } from '../../src/playground/build-site.js';
import { chromiumPath, launchBrowser } from '../reporters/html/browser.js';
import { checkStatuses, commandLines, openPage, saveFile, typeLine, waitForText, waitReady } from './playground-page.js';

const EXERCISES = resolve('scenarios/exercises');
/** The notes' dc01/dc02/dc03 sequence, as bench/notes-sequence.ts runs it. */
const NOTES_SEQUENCE = [
  'docker build -t tim/centos .',
  'docker run -dit --name dc01 tim/centos',
  'docker run -dit --name dc02 --volumes-from dc01 tim/centos',
  'docker run -dit --name dc03 --volumes-from dc01 tim/centos',
  'docker rm -f dc01',
  'docker exec dc02 touch /dataVolume1/dc02_update.txt',
  'docker exec dc03 ls /dataVolume1',
  'docker rm -f -v dc02 dc03',
];
const SLUGS = readdirSync(EXERCISES).sort();

async function grade(exercise: Exercise, folder: string) {
  const submission = await readSubmission(folder);
  return gradeSubmission(exercise, submission, 'id', 'fp', { createEngine: simGradingEngine, engineName: 'sim', registry: builtinAssertions() });
}

/** Types a submission folder into the page: its files through the editor first, then its commands. */
async function typeSubmission(page: Page, folder: string): Promise<void> {
  for (const name of readdirSync(folder).sort()) {
    if (name !== 'commands.sh') await saveFile(page, name, readFileSync(join(folder, name), 'utf8'));
  }
  for (const line of commandLines(readFileSync(join(folder, 'commands.sh'), 'utf8'))) await typeLine(page, line);
}

describe('the playground in chromium', function () {
  this.timeout(180_000);
  let browser: Browser | undefined;
  let site = '';
  let siteUrl = '';
  let built: SiteResult | undefined;
  const exercises = new Map<string, Exercise>();

  before(async function () {
    const path = chromiumPath();
    if (!path) {
      console.log('    (chromium is not installed: apt-get install -y chromium)');
      this.skip();
      return;
    }
    site = mkdtempSync(join(tmpdir(), 'drydock-playground-'));
    const files = SLUGS.map((s) => join(EXERCISES, s, 'exercise.yaml'));
    built = await buildSite({ files, outDir: site, cwd: process.cwd() });
    for (const [i, s] of SLUGS.entries()) {
      const loaded = await loadExercise(files[i] as string);
      assert.ok(loaded.ok);
      exercises.set(s, loaded.exercise);
    }
    siteUrl = pathToFileURL(site).href;
    browser = await launchBrowser(path);
  });

  after(async () => {
    await browser?.close();
  });

  const url = (slug: string) => `${siteUrl}/${slug}/index.html`;

  it('start page: every exercise with its points, and free play', async () => {
    const { page, problems } = await openStart();
    const slugs = await page.$$eval('[data-testid=exercise]', (links) => links.map((l) => l.getAttribute('data-slug')));
    assert.deepEqual(slugs, SLUGS);
    await page.click('[data-testid=free-play]');
    await waitReady(page);
    assert.match((await page.textContent('[data-testid=badge]')) ?? '', /simulated Docker 20\.10/);
    // click-to-run: the command in the instructions is typed into the terminal and run
    await page.click('.instructions code.run');
    await waitForText(page, /\$ docker run -dit --name c1 centos\n[0-9a-f]{64}\n/);
    await typeLine(page, 'docker network create n1');
    await waitForText(page, /'docker network create' is not simulated \(the simulator has no networks\); run it with --engine\s+docker\n\[exit 125\]/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  async function openStart() {
    const page = await browser!.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('request', (r) => !r.url().startsWith(siteUrl) && !r.url().startsWith('blob:') && problems.push(`request: ${r.url()}`));
    await page.goto(`${siteUrl}/index.html`);
    return { page, problems };
  }

  it('an exercise page loads at most 400 KB gzip, xterm included', () => {
    const page = built!.files.filter((f) => f.path.startsWith('assets/') || f.path === `${SLUGS[0]}/index.html`);
    const total = page.reduce((sum, f) => sum + f.gzip, 0);
    console.log(`      ${page.map((f) => `${f.path} ${(f.gzip / 1024).toFixed(1)} KB`).join(', ')}: ${(total / 1024).toFixed(1)} KB gzip`);
    assert.ok(total <= 400 * 1024, `${total} bytes`);
  });

  for (const slug of SLUGS) {
    it(`${slug}: the reference typed in passes every visible check, and its hand-in grades full marks`, async () => {
      const { page, problems } = await openPage(browser!, url(slug), siteUrl);
      assert.ok((await checkStatuses(page)).every((s) => s === 'pending' || s === 'hidden'));
      await typeSubmission(page, join(EXERCISES, slug, 'submissions', 'reference'));
      const statuses = await checkStatuses(page);
      assert.ok(statuses.length > 0);
      assert.deepEqual(statuses.filter((s) => s !== 'hidden'), statuses.filter((s) => s !== 'hidden').map(() => 'passed'), await page.textContent('#checks') ?? '');
      const download = page.waitForEvent('download');
      await page.click('[data-testid=hand-in]');
      const zip = unzipSync(new Uint8Array(readFileSync(await (await download).path())));
      const out = mkdtempSync(join(tmpdir(), 'drydock-hand-in-'));
      for (const [name, bytes] of Object.entries(zip)) {
        mkdirSync(dirname(join(out, name)), { recursive: true });
        writeFileSync(join(out, name), bytes);
      }
      assert.ok(zip[`${slug}.transcript.txt`], Object.keys(zip).join(', '));
      const graded = await grade(exercises.get(slug)!, join(out, slug));
      assert.equal(graded.problems.length, 0, JSON.stringify(graded.problems));
      assert.equal(graded.score, graded.maxScore, JSON.stringify(graded.checks.map((c) => [c.title, c.status, c.failures])));
      assert.deepEqual(problems, []);
      await page.close();
    });
  }

  it('a wrong submission: the checks it misses are failed, with their hints', async () => {
    const slug = 'host-edits-while-stopped';
    const folder = join(EXERCISES, slug, 'submissions', 'forgot-to-start');
    const graded = await grade(exercises.get(slug)!, folder);
    const missed = graded.checks.filter((c) => c.status !== 'passed' && c.visibility === 'visible');
    assert.ok(missed.length > 0);
    const { page, problems } = await openPage(browser!, url(slug), siteUrl);
    await typeSubmission(page, folder);
    const rows = await page.$$eval('[data-testid=check]', (els) => els.map((e) => ({ status: e.getAttribute('data-status'), hint: e.querySelector('[data-testid=hint]')?.textContent ?? null })));
    for (const c of graded.checks) {
      const row = rows[graded.checks.indexOf(c)];
      assert.equal(row?.status, c.status === 'passed' ? 'passed' : 'failed', c.title);
      if (c.status !== 'passed') assert.equal(row?.hint, c.hint ?? null, c.title);
    }
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('a reload mid-exercise brings back the history, the files and the simulator state', async () => {
    const slug = 'volumes-from-dc01';
    const { page, problems } = await openPage(browser!, url(slug), siteUrl);
    await typeLine(page, 'docker run -dit --name dc01 tim/centos');
    await typeLine(page, 'docker run -dit --name dc02 --volumes-from dc01 tim/centos');
    await saveFile(page, 'notes.txt', 'kept\n');
    await typeLine(page, 'docker exec dc02 touch /dataVolume1/x');
    const before = await page.$$eval('[data-testid=check]', (els) => els.map((e) => e.getAttribute('data-status')));
    await page.reload();
    await waitReady(page);
    assert.deepEqual(await page.$$eval('[data-testid=check]', (els) => els.map((e) => e.getAttribute('data-status'))), before);
    assert.ok((await page.$$eval('#files option', (o) => o.map((x) => x.textContent))).includes('/scenario/notes.txt'));
    await waitForText(page, /\$ docker exec dc02 touch \/dataVolume1\/x/);
    // history: the arrow key brings back the last line
    await page.locator('[data-testid=terminal] textarea').focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.drydockTimings.length >= 1);
    await typeLine(page, "docker ps --format '{{.Names}}'");
    await typeLine(page, 'docker exec dc02 ls /dataVolume1');
    await waitForText(page, /dc02\ndc01\n/);
    await waitForText(page, /ls \/dataVolume1\nx\n/);
    await typeLine(page, 'cat notes.txt');
    await waitForText(page, /cat notes\.txt\nkept\n/);
    // reset: a fresh state and an empty history
    await page.click('[data-testid=reset]');
    await waitReady(page);
    await typeLine(page, "docker ps -a --format 'left: {{.Names}}'");
    const text = await waitForText(page, /ps -a --format 'left: \{\{\.Names\}\}'\n\/scenario \$/);
    assert.doesNotMatch(text, /left: dc0/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("the notes' dc01/dc02/dc03 sequence: time from Enter to the next prompt, and from navigation to the first prompt", async () => {
    const { page, problems } = await openPage(browser!, `${siteUrl}/free-play/index.html`, siteUrl);
    const readyMs = (await page.evaluate(() => window.drydockReadyMs)) as number;
    await saveFile(page, 'Dockerfile', 'FROM centos\nVOLUME ["/dataVolume1", "/dataVolume2"]\nCMD /bin/bash\n');
    for (let round = 0; round < 3; round++) {
      for (const line of NOTES_SEQUENCE) {
        // Enter is pressed once the typed line is on screen, so the time is the command's, not the typing's
        await page.locator('[data-testid=terminal] textarea').focus();
        await page.keyboard.type(line);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const before = await page.evaluate(() => window.drydockTimings.length);
        await page.keyboard.press('Enter');
        await page.waitForFunction((n) => window.drydockTimings.length > n, before);
      }
    }
    await waitForText(page, /ls \/dataVolume1\ndc02_update\.txt\n/);
    const times = (await page.evaluate(() => window.drydockTimings)).slice(NOTES_SEQUENCE.length).sort((a, b) => a - b);
    const worker = (await page.evaluate(() => window.drydockWorkerMs)).sort((a, b) => a - b);
    const painted = (await page.evaluate(() => window.drydockPaintMs)).slice(NOTES_SEQUENCE.length).sort((a, b) => a - b);
    const p = (list: number[], q: number) => list[Math.ceil(list.length * q) - 1] as number;
    console.log(`      first prompt ${readyMs.toFixed(0)} ms; Enter → prompt p50 ${p(times, 0.5).toFixed(1)} ms, p95 ${p(times, 0.95).toFixed(1)} ms (worker p95 ${p(worker, 0.95).toFixed(1)} ms; first paint of the prompt p95 ${p(painted, 0.95).toFixed(1)} ms) over ${times.length} commands after a warm-up round; load ${loadavg()[0]?.toFixed(1)}`);
    // Targets: 1 s and 20 ms p95 on a quiet machine. This one is shared by several sessions at once, so the test
    // only fails far beyond them; the README quotes measured figures.
    assert.ok(readyMs < 10_000, `first prompt after ${readyMs} ms`);
    assert.ok(p(times, 0.95) < 500, `p95 ${p(times, 0.95)} ms`);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('Tab completes commands, flags and names; a narrow screen gets a plain input line', async () => {
    const { page, problems } = await openPage(browser!, url('volumes-from-dc01'), siteUrl, { width: 420, height: 800 });
    assert.ok(await page.isVisible('[data-testid=plain-line]'));
    await page.fill('[data-testid=plain-line]', 'docker run -dit --name dc01 tim/centos');
    await page.press('[data-testid=plain-line]', 'Enter');
    await page.waitForFunction(() => window.drydockTimings.length === 1);
    const term = page.locator('[data-testid=terminal] textarea');
    await term.focus();
    for (const [typed, expected] of [['docker vol\t', 'docker volume '], ['docker rm --for\t', 'docker rm --force '], ['docker stop d\t', 'docker stop dc01 ']]) {
      await page.keyboard.type(typed as string);
      await page.waitForFunction((e) => Array.from(document.querySelectorAll('[data-testid=terminal] .xterm-rows > div')).some((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd().endsWith(e.trimEnd())), expected);
      await page.keyboard.press('Control+C');
    }
    assert.deepEqual(problems, []);
    await page.close();
  });
});
